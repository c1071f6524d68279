using HepMl.Io.Compression;
using NUnit.Framework;

namespace HepMl.Io.Tests.Compression;

public class XxHash64Tests
{
    [TestCaseSource(typeof(CodecVectors), nameof(CodecVectors.Cases))]
    public void Hash_MatchesTheReferenceImplementation(string name)
    {
        CodecVectors.Vector vector = CodecVectors.Get(name);

        Assert.That(XxHash64.Hash(vector.Input), Is.EqualTo(vector.XxHash64));
    }
}
