using System.Text;
using HepMl.Analysis.Data;
using HepMl.Analysis.Transformations;
using HepMl.Io;
using NUnit.Framework;

namespace HepMl.Analysis.Tests.Transformations;

public class TransformationChainSerializerTests
{
    [Test]
    public void SaveLoad_RoundTripsEveryKindBitForBit()
    {
        Dataset data = TransformationFixture.Data();
        TransformationChain chain = TransformationChain.Fit(data,
        [
            new TransformationRequest(TransformationKind.Normalise),
            new TransformationRequest(TransformationKind.Decorrelate, [0, 1]),
            new TransformationRequest(TransformationKind.PrincipalComponents),
            new TransformationRequest(TransformationKind.Gaussianise, [2], ReferenceClass: 1),
            new TransformationRequest(TransformationKind.Uniformise, [0]),
            new TransformationRequest(TransformationKind.Standardise),
        ]);
        using var stream = new MemoryStream();
        TransformationChainSerializer.Save(chain, stream);
        stream.Position = 0;

        TransformationChain loaded = TransformationChainSerializer.Load(stream);

        Assert.That(loaded.Steps.Select(s => s.Transformation.Name), Is.EqualTo(chain.Steps.Select(s => s.Transformation.Name)));
        Assert.That(loaded.Steps[3].ReferenceClass, Is.EqualTo(1));
        var a = new float[3];
        var b = new float[3];
        var row = new float[3];
        for (int i = 0; i < data.RowCount; i++)
        {
            data.CopyRow(i, row);
            for (int cls = -1; cls < 2; cls++)
            {
                chain.Transform(row, a, cls);
                loaded.Transform(row, b, cls);
                Assert.That(b, Is.EqualTo(a), $"event {i}, class {cls}");
            }
        }
    }

    [Test]
    public void Load_MalformedJson_IsAFormatError()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("{ \"format\": \"HepMl.TransformationChain\", "));

        Assert.Throws<HepMlFormatException>(() => TransformationChainSerializer.Load(stream, "bad.json"));
    }

    [Test]
    public void Load_WrongSignature_SaysWhatWasExpected()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("{ \"format\": \"Other\", \"minReaderVersion\": 1 }"));

        Assert.That(Assert.Throws<HepMlFormatException>(() => TransformationChainSerializer.Load(stream))!.Message,
            Does.Contain("HepMl.TransformationChain").And.Contain("Other"));
    }

    [Test]
    public void Load_NewerFormat_IsUnsupported()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(
            "{ \"format\": \"HepMl.TransformationChain\", \"version\": 9, \"minReaderVersion\": 9, \"length\": 1, \"steps\": [] }"));

        Assert.Throws<UnsupportedFormatException>(() => TransformationChainSerializer.Load(stream));
    }

    [Test]
    public void Load_InconsistentParameters_IsAFormatError()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(
            "{ \"format\": \"HepMl.TransformationChain\", \"version\": 1, \"minReaderVersion\": 1, \"length\": 2, \"steps\": ["
            + "{ \"kind\": \"Decorrelation\", \"referenceClass\": -1, \"positions\": [0, 1], \"sets\": [ { \"matrix\": [1, 0, 0] } ] } ] }"));

        Assert.Throws<HepMlFormatException>(() => TransformationChainSerializer.Load(stream));
    }
}
