using HepMl.Io.Columns;
using HepMl.Io.Root.Objects;
using HepMl.Io.Root.Streamers;
using NUnit.Framework;

namespace HepMl.Io.Tests.Root;

public class TypeNameParserTests
{
    [Test]
    public void Parse_NestedVector_OuterHeaderOnly()
    {
        TypeNode node = TypeNameParser.Parse("std::vector<std::vector<float> >", outerHeader: true, innerHeader: false, stringHeader: true);

        Assert.That(node, Is.EqualTo(new SequenceNode(SequenceFlavor.Vector,
            new SequenceNode(SequenceFlavor.Vector, new PrimitiveNode(ElementType.Float32), false), true)));
    }

    [Test]
    public void Parse_Map_PassesItsHeaderToKeysAndValues()
    {
        TypeNode node = TypeNameParser.Parse("map<string,vector<Int_t> >", outerHeader: true, innerHeader: false, stringHeader: true);

        var map = (MapNode)node;
        Assert.That(map.HasHeader, Is.True);
        Assert.That(map.Key, Is.EqualTo(new StringNode(StringFlavor.Standard, true)));
        Assert.That(map.Value, Is.EqualTo(new SequenceNode(SequenceFlavor.Vector, new PrimitiveNode(ElementType.Int32), true)));
    }

    [TestCase("unsigned long long", ElementType.UInt64)]
    [TestCase("Long64_t", ElementType.Int64)]
    [TestCase("unsigned char", ElementType.UInt8)]
    [TestCase("Bool_t", ElementType.Boolean)]
    [TestCase("short", ElementType.Int16)]
    [TestCase("uint16_t", ElementType.UInt16)]
    public void Parse_Primitives(string name, ElementType expected)
    {
        Assert.That(TypeNameParser.Parse(name, true, false, true), Is.EqualTo(new PrimitiveNode(expected)));
    }

    [Test]
    public void Parse_PointersAndTemplates()
    {
        Assert.That(TypeNameParser.Parse("unsigned short*", true, false, true), Is.EqualTo(new PointerNode(new PrimitiveNode(ElementType.UInt16))));
        Assert.That(TypeNameParser.Parse("char*", true, false, true), Is.EqualTo(new StringNode(StringFlavor.CharPointer, false)));
        Assert.That(TypeNameParser.Parse("TLorentzVector*", true, false, true), Is.EqualTo(new PointerNode(new ClassNode("TLorentzVector"))));
        Assert.That(
            TypeNameParser.Parse("ROOT::Math::DisplacementVector3D<ROOT::Math::Cartesian3D<float>,ROOT::Math::DefaultCoordinateSystemTag>", true, false, true),
            Is.EqualTo(new ClassNode("ROOT::Math::DisplacementVector3D<ROOT::Math::Cartesian3D<float>,ROOT::Math::DefaultCoordinateSystemTag>")));
        Assert.That(TypeNameParser.Parse("bitset<16>", true, false, true), Is.EqualTo(new BitSetNode(16, true)));
    }

    [TestCase("vector<")]
    [TestCase("map<int>")]
    [TestCase("bitset<x>")]
    public void Parse_Malformed_Throws(string name)
    {
        Assert.Throws<FormatException>(() => TypeNameParser.Parse(name, true, false, true));
    }

    [Test]
    public void Normalize_TypedefsAndSpaces()
    {
        Assert.That(TypeNames.Normalize("std::vector<Long64_t >"), Is.EqualTo("vector<long long>"));
        Assert.That(TypeNames.Normalize("TParameter<Long64_t>"), Is.EqualTo(TypeNames.Normalize("TParameter<long long>")));
    }
}
