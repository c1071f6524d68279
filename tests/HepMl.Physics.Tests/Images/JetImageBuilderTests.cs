using HepMl.Physics.Events;
using HepMl.Physics.Images;
using HepMl.Physics.Vectors;
using HepMl.TestData;
using NUnit.Framework;

namespace HepMl.Physics.Tests.Images;

/// <summary>
/// Orientation tests with synthetic two-prong jets at known angles. Convention (the peers' jetimages data set):
/// [channel, row = φ′, column = η′], leading subjet at the centre pixel, second subjet on +η′ (right, centre row),
/// upper half (row &gt; centre) hotter.
/// </summary>
public class JetImageBuilderTests
{
    private static LorentzVector At(double pt, double eta, double phi) => LorentzVector.FromPtEtaPhiM(pt, eta, Angles.WrapPhi(phi), 0);

    /// <summary>Leading prong A (150 GeV) at (η0, φ0); B (100 GeV) 0.51 away at angle α; soft C (10 GeV) 0.33 from A, ±90° from the A→B direction.</summary>
    private static LorentzVector[] TwoProngJet(double eta0, double phi0, double alpha, bool softOnLeft)
    {
        double side = alpha + (softOnLeft ? 0.5 * Math.PI : -0.5 * Math.PI);
        return
        [
            At(150, eta0, phi0),
            At(100, eta0 + 0.51 * Math.Cos(alpha), phi0 + 0.51 * Math.Sin(alpha)),
            At(10, eta0 + 0.33 * Math.Cos(side), phi0 + 0.33 * Math.Sin(side)),
        ];
    }

    private static IEnumerable<TestCaseData> Angles_() =>
        from alpha in new[] { 0.0, 45.0, 90.0, 170.0, -120.0 }
        from phi0 in new[] { 0.4, 3.0, -3.1 }
        from softOnLeft in new[] { true, false }
        select new TestCaseData(alpha, phi0, softOnLeft);

    [TestCaseSource(nameof(Angles_))]
    public void Fill_TwoProngJetAtKnownAngle_LeadingAtCentreSecondOnRightHotterHalfUp(double alphaDegrees, double phi0, bool softOnLeft)
    {
        var spec = new JetImageSpec(pixels: 25, pixelSize: 0.1);
        var image = new float[spec.ValuesPerImage];
        int outside = JetImageBuilder.Fill(TwoProngJet(0.7, phi0, alphaDegrees * Math.PI / 180, softOnLeft), spec, image);

        // A at (12, 12); B at η′ = 0.51 -> column floor(5.1 + 12.5) = 17, row 12; C at φ′ = +0.33 -> row floor(3.3 + 12.5) = 15.
        Assert.That(outside, Is.EqualTo(0));
        Assert.That(image[12 * 25 + 12], Is.EqualTo(150f).Within(1e-3), "leading prong at the centre");
        Assert.That(image[12 * 25 + 17], Is.EqualTo(100f).Within(1e-3), "second prong on +eta', centre row");
        Assert.That(image[15 * 25 + 12], Is.EqualTo(10f).Within(1e-3), "soft particle flipped into the upper half");
        Assert.That(image.Sum(), Is.EqualTo(260f).Within(1e-3));
    }

    [Test]
    public void Fill_EvenSize100_PutsCentreOnPixelCorner()
    {
        // 100 × 100 cells of 0.02: column = floor(η′/0.02 + 50): A -> 50, B (η′ = 0.51) -> 75; C (φ′ = 0.33) -> row 66.
        var spec = new JetImageSpec(pixels: 100, pixelSize: 0.02);
        var image = new float[spec.ValuesPerImage];
        JetImageBuilder.Fill(TwoProngJet(-1.0, 1.0, 2.0, softOnLeft: false), spec, image);
        // Particles on an axis sit on a pixel edge here, so rounding may put them on either side: sum the two cells.
        Assert.That(image[50 * 100 + 50] + image[49 * 100 + 50] + image[50 * 100 + 49] + image[49 * 100 + 49], Is.EqualTo(150f).Within(1e-3));
        Assert.That(image[50 * 100 + 75] + image[49 * 100 + 75], Is.EqualTo(100f).Within(1e-3));
        Assert.That(image[66 * 100 + 50] + image[66 * 100 + 49], Is.EqualTo(10f).Within(1e-3));
    }

    [Test]
    public void Fill_PrincipalAxisAboutCentroid_PutsLineOnCentreRowWithBulkRight()
    {
        // Five equal particles on a line at 30° through (0.2, 1.0), spacing 0.1 (positions −0.2..0.2 along the line),
        // plus a heavier one at +0.2: the centroid sits on the line, the principal axis is the line, and the bulk
        // (mean along the axis > 0) goes right. All particles then lie on the centre row.
        double a = Math.PI / 6;
        double[] s = [-0.2, -0.1, 0.0, 0.1, 0.2, 0.2];
        double[] pt = [10, 10, 10, 10, 10, 30];
        LorentzVector[] jet = s.Select((x, i) => At(pt[i], 0.2 + x * Math.Cos(a), 1.0 + x * Math.Sin(a))).ToArray();
        var spec = new JetImageSpec(25, 0.1) { Centering = JetImageCentering.PtCentroid, Rotation = JetImageRotation.PrincipalAxis, FlipHotterHalfUp = false };
        var image = new float[spec.ValuesPerImage];
        JetImageBuilder.Fill(jet, spec, image);
        float[] centreRow = image.Skip(12 * 25).Take(25).ToArray();
        Assert.That(centreRow.Sum(), Is.EqualTo(80f).Within(1e-3), "all pt on the centre row");
        float right = centreRow.Skip(13).Sum(), left = centreRow.Take(12).Sum();
        Assert.That(right, Is.GreaterThan(left), "bulk to the right");
    }

    [Test]
    public void Fill_ChannelsAndNormalisation()
    {
        LorentzVector[] jet = TwoProngJet(0, 0, 0, softOnLeft: true);
        int[] charges = [1, 0, -1];
        var spec = new JetImageSpec(25, 0.1)
        {
            Channels = [JetImageChannel.Pt, JetImageChannel.ChargedPt, JetImageChannel.NeutralPt, JetImageChannel.Multiplicity, JetImageChannel.ChargedMultiplicity],
        };
        var image = new float[spec.ValuesPerImage];
        JetImageBuilder.Fill(jet, charges, spec, image);
        float[] Channel(int c) => image.Skip(c * 625).Take(625).ToArray();
        Assert.That(Channel(0).Sum(), Is.EqualTo(260f).Within(1e-3));
        Assert.That(Channel(1).Sum(), Is.EqualTo(160f).Within(1e-3), "A and C are charged");
        Assert.That(Channel(2).Sum(), Is.EqualTo(100f).Within(1e-3), "B is neutral");
        Assert.That(Channel(3).Sum(), Is.EqualTo(3f));
        Assert.That(Channel(4).Sum(), Is.EqualTo(2f));

        var l1 = new float[625];
        JetImageBuilder.Fill(jet, new JetImageSpec(25, 0.1) { Normalisation = JetImageNormalisation.PixelSum }, l1);
        Assert.That(l1.Sum(), Is.EqualTo(1f).Within(1e-6));
        var l2 = new float[625];
        JetImageBuilder.Fill(jet, new JetImageSpec(25, 0.1) { Normalisation = JetImageNormalisation.L2 }, l2);
        Assert.That(Math.Sqrt(l2.Sum(x => (double)x * x)), Is.EqualTo(1.0).Within(1e-6));
    }

    [Test]
    public void FillBatch_EqualsSingleFills_AndCountsOutside()
    {
        var generator = new ToyEventGenerator(seed: 11);
        ParticleTable jets = generator.NextJets(64, [ToyJetKind.QcdOneProng, ToyJetKind.WTwoProng, ToyJetKind.TopThreeProng], out _);
        var spec = new JetImageSpec(25, 0.1) { Channels = [JetImageChannel.Pt, JetImageChannel.ChargedPt] };
        var batch = new float[jets.EntryCount * spec.ValuesPerImage];
        long outside = JetImageBuilder.FillBatch(jets, spec, batch, maxDegreeOfParallelism: 2);
        long expectedOutside = 0;
        var single = new float[spec.ValuesPerImage];
        for (int j = 0; j < jets.EntryCount; j++)
        {
            expectedOutside += JetImageBuilder.Fill(jets.Momenta(j), jets.Charges(j), spec, single);
            Assert.That(batch.AsSpan(j * spec.ValuesPerImage, spec.ValuesPerImage).ToArray(), Is.EqualTo(single), $"jet {j}");
        }

        Assert.That(outside, Is.EqualTo(expectedOutside));
    }

    [Test]
    public void Fill_BadInput_Throws_EmptyJetGivesZeroImage()
    {
        var spec = new JetImageSpec();
        var image = new float[spec.ValuesPerImage];
        image[3] = 5;
        Assert.That(JetImageBuilder.Fill([], spec, image), Is.EqualTo(0));
        Assert.That(image.All(x => x == 0), Is.True);
        Assert.Throws<ArgumentException>(() => JetImageBuilder.Fill([new LorentzVector(double.NaN, 1, 1, 3)], spec, image));
        Assert.Throws<ArgumentException>(() => JetImageBuilder.Fill([At(1, 0, 0)], spec, new float[10]));
        var charged = new JetImageSpec { Channels = [JetImageChannel.ChargedPt] };
        Assert.Throws<ArgumentException>(() => JetImageBuilder.Fill([At(1, 0, 0)], charged, new float[charged.ValuesPerImage]));
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new JetImageSpec(0, 0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new JetImageSpec(25, -0.1));
        ParticleTable noCharges = ParticleTable.FromFlat([At(1, 0, 0)], [0, 1]);
        Assert.Throws<ArgumentException>(() => JetImageBuilder.FillBatch(noCharges, charged, new float[charged.ValuesPerImage]));
    }
}
