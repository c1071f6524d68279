using System.Text.Json.Nodes;
using HepMl.Analysis.Tensors;

namespace HepMl.Analysis.NeuralNetworks;

/// <summary>
/// A layer or a network of layers: a forward function of one tensor, its parameters and state, a train/eval mode,
/// and a description from which <see cref="Serialization.ModelFile"/> can rebuild it. PyTorch: <c>nn.Module</c>.
/// </summary>
public abstract class Module
{
    private readonly List<Module> _children = [];
    private readonly List<Parameter> _parameters = [];
    private readonly List<(string Name, Tensor Value)> _buffers = [];

    /// <summary>Display name used in error messages (set by the enclosing <see cref="Sequential"/> or the caller).</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>True in training mode (dropout active, batch-norm uses batch statistics).</summary>
    public bool IsTraining { get; private set; } = true;

    /// <summary>Short type description, e.g. "Linear 28→64".</summary>
    public abstract string Description { get; }

    /// <summary>Sub-modules, in order.</summary>
    public IReadOnlyList<Module> Children => _children;

    /// <summary>Computes the output.</summary>
    /// <exception cref="ShapeMismatchException">The input shape does not fit; the message names the layer.</exception>
    public abstract Tensor Forward(Tensor input);

    /// <summary>Every trainable parameter of this module and its children, depth first.</summary>
    public IReadOnlyList<Parameter> Parameters()
    {
        var all = new List<Parameter>();
        Collect(all);
        return all;
    }

    /// <summary>Parameters and state buffers with dotted paths (<c>0.weight</c>, <c>3.running_mean</c>), depth first.</summary>
    public IReadOnlyList<(string Path, Tensor Value)> NamedState()
    {
        var all = new List<(string, Tensor)>();
        CollectState(string.Empty, all);
        return all;
    }

    /// <summary>Number of trainable scalars.</summary>
    public long ParameterCount()
    {
        long count = 0;
        foreach (Parameter p in Parameters())
        {
            count += p.Value.Length;
        }

        return count;
    }

    /// <summary>Switches this module and its children to training or evaluation mode.</summary>
    public void Train(bool training = true)
    {
        IsTraining = training;
        foreach (Module child in _children)
        {
            child.Train(training);
        }
    }

    /// <summary>Switches to evaluation mode. PyTorch: <c>eval()</c>.</summary>
    public void Eval() => Train(false);

    /// <summary>Forgets every parameter gradient.</summary>
    public void ZeroGrad()
    {
        foreach (Parameter p in Parameters())
        {
            p.Value.ZeroGrad();
        }
    }

    /// <summary>Copies all parameters and buffers (for best-weights restore).</summary>
    public float[][] SnapshotState()
    {
        IReadOnlyList<(string Path, Tensor Value)> state = NamedState();
        var copy = new float[state.Count][];
        for (int i = 0; i < copy.Length; i++)
        {
            copy[i] = state[i].Value.ToArray();
        }

        return copy;
    }

    /// <summary>Restores what <see cref="SnapshotState"/> copied.</summary>
    /// <exception cref="ArgumentException">The snapshot does not belong to a module of this architecture.</exception>
    public void RestoreState(float[][] snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        IReadOnlyList<(string Path, Tensor Value)> state = NamedState();
        if (snapshot.Length != state.Count)
        {
            throw new ArgumentException($"the snapshot holds {snapshot.Length} tensors; this module has {state.Count}", nameof(snapshot));
        }

        for (int i = 0; i < state.Count; i++)
        {
            if (snapshot[i].Length != state[i].Value.Length)
            {
                throw new ArgumentException($"snapshot tensor {i} has {snapshot[i].Length} values; '{state[i].Path}' has {state[i].Value.Length}", nameof(snapshot));
            }

            snapshot[i].CopyTo(state[i].Value.Span);
        }
    }

    /// <summary>The architecture description (type and hyper-parameters, children nested) written to model files.</summary>
    public abstract JsonObject ToSpecification();

    /// <inheritdoc/>
    public override string ToString() => string.IsNullOrEmpty(Name) ? Description : $"'{Name}' ({Description})";

    /// <summary>Registers a child module.</summary>
    protected T AddChild<T>(T child)
        where T : Module
    {
        _children.Add(child);
        return child;
    }

    /// <summary>Creates and registers a parameter that lives outside any tensor scope.</summary>
    protected Parameter AddParameter(string name, TensorShape shape, bool penalised)
    {
        var parameter = new Parameter(name, Tensor.ZerosUnscoped(shape), penalised);
        _parameters.Add(parameter);
        return parameter;
    }

    /// <summary>Creates and registers a state buffer (saved, not trained), initialised to <paramref name="value"/>.</summary>
    protected Tensor AddBuffer(string name, TensorShape shape, float value)
    {
        Tensor buffer = Tensor.ZerosUnscoped(shape);
        buffer.Span.Fill(value);
        buffer.Name = name;
        _buffers.Add((name, buffer));
        return buffer;
    }

    /// <summary>Throws a shape error naming this layer.</summary>
    protected ShapeMismatchException ShapeError(string expectation, TensorShape actual) =>
        new(Description.Split(' ')[0], expectation, actual, layer: ToString());

    private void Collect(List<Parameter> all)
    {
        all.AddRange(_parameters);
        foreach (Module child in _children)
        {
            child.Collect(all);
        }
    }

    private void CollectState(string prefix, List<(string, Tensor)> all)
    {
        foreach (Parameter p in _parameters)
        {
            all.Add((prefix + p.Name, p.Value));
        }

        foreach ((string name, Tensor value) in _buffers)
        {
            all.Add((prefix + name, value));
        }

        for (int i = 0; i < _children.Count; i++)
        {
            string childName = string.IsNullOrEmpty(_children[i].Name) ? i.ToString(System.Globalization.CultureInfo.InvariantCulture) : _children[i].Name;
            _children[i].CollectState(prefix + childName + ".", all);
        }
    }
}
