using HepMl.Analysis.Autodiff;
using HepMl.Analysis.Tensors;
using NUnit.Framework;

namespace HepMl.Analysis.Tests.Tensors;

public class TensorTests
{
    [Test]
    public void Reshape_InfersOneDimensionAndSharesStorage()
    {
        Tensor t = Tensor.FromSpan([1f, 2f, 3f, 4f, 5f, 6f], 2, 3);
        Tensor view = t.Reshape(-1, 2);
        Assert.That(view.Shape, Is.EqualTo(new TensorShape(3, 2)));
        view.Span[0] = 10f;
        Assert.That(t.Span[0], Is.EqualTo(10f));
        Assert.That(t.SliceRows(1, 1).ToArray(), Is.EqualTo(new[] { 4f, 5f, 6f }));
        Assert.That(t.GetElement(1, 2), Is.EqualTo(6f));
    }

    [Test]
    public void BadShapesAndIndices_Throw()
    {
        Tensor t = Tensor.Zeros(2, 3);
        Assert.Throws<ShapeMismatchException>(() => t.Reshape(4, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => t.SliceRows(1, 2));
        Assert.Throws<ArgumentException>(() => Tensor.FromSpan([1f, 2f], 3));
        Assert.Throws<InvalidOperationException>(() => t.Item());
        Assert.Throws<ArgumentOutOfRangeException>(() => t.GetElement(2, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new TensorShape(2, -1));
        var add = Assert.Throws<ShapeMismatchException>(() => Tensor.Add(Tensor.Zeros(2, 3), Tensor.Zeros(2)));
        Assert.That(add!.Message, Does.Contain("[2, 3]").And.Contain("[2]"));
    }

    [Test]
    public void Scope_DisposesTemporariesAndKeepsWhatIsKept()
    {
        Tensor outside = Tensor.Ones(4);
        Tensor kept;
        Tensor temporary;
        using (TensorScope.Begin())
        {
            temporary = outside * 2f;
            kept = TensorScope.Keep(outside + outside);
        }

        Assert.That(temporary.IsDisposed, Is.True);
        Assert.Throws<ObjectDisposedException>(() => _ = temporary.Span.Length);
        Assert.That(kept.IsDisposed, Is.False);
        Assert.That(kept.ToArray(), Is.EqualTo(new[] { 2f, 2f, 2f, 2f }));
        Assert.That(outside.IsDisposed, Is.False);
    }

    [Test]
    public void Scope_DisposedOutOfOrder_Throws()
    {
        TensorScope outer = TensorScope.Begin();
        TensorScope inner = TensorScope.Begin();
        Assert.Throws<InvalidOperationException>(() => outer.Dispose());
        inner.Dispose();
        outer.Dispose();
        Assert.That(TensorScope.Current, Is.Null);
    }

    [Test]
    public void NoGrad_RecordsNothing()
    {
        Tensor w = Tensor.Ones(3);
        w.RequiresGrad = true;
        using (GradientMode.NoGrad())
        {
            Tensor y = Tensor.Sum(w * w);
            Assert.That(y.RequiresGrad, Is.False);
            Assert.Throws<InvalidOperationException>(() => y.Backward());
        }

        Tensor z = Tensor.Sum(w * w);
        z.Backward();
        Assert.That(w.Grad!.ToArray(), Is.EqualTo(new[] { 2f, 2f, 2f }));
    }

    [Test]
    public void Backward_AccumulatesUntilZeroGradAndFreesTheGraph()
    {
        Tensor w = Tensor.FromSpan([1f, -2f], 2);
        w.RequiresGrad = true;
        Tensor y = Tensor.Sum(Tensor.Square(w));
        y.Backward();
        Tensor.Sum(Tensor.Square(w)).Backward();
        Assert.That(w.Grad!.ToArray(), Is.EqualTo(new[] { 4f, -8f }));
        Assert.Throws<InvalidOperationException>(() => y.Backward(), "the graph of y was freed by its first backward");
        w.ZeroGrad();
        Assert.That(w.Grad, Is.Null);
    }

    [Test]
    public void RandomSource_SameSeedSameStreamAndUnbiasedIntegers()
    {
        var a = new RandomSource(123);
        var b = new RandomSource(123);
        for (int i = 0; i < 100; i++)
        {
            Assert.That(a.NextUInt64(), Is.EqualTo(b.NextUInt64()));
        }

        var counts = new int[3];
        for (int i = 0; i < 30000; i++)
        {
            counts[a.NextInt(3)]++;
        }

        // Binomial(30000, 1/3): σ ≈ 82; 5σ bounds.
        Assert.That(counts, Has.All.InRange(10000 - 410, 10000 + 410));
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < 20000; i++)
        {
            double z = a.NextNormal();
            sum += z;
            squares += z * z;
        }

        Assert.That(sum / 20000, Is.EqualTo(0).Within(0.04));
        Assert.That(squares / 20000, Is.EqualTo(1).Within(0.05));
    }
}
