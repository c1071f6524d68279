using System.Buffers;
using HepMl.Physics.Events;
using HepMl.Physics.Images.Internal;
using HepMl.Physics.Vectors;

namespace HepMl.Physics.Images;

/// <summary>
/// Draws jet images as in the jet-images literature (Cogan, Kagan, Strauss, Schwartzman, JHEP 02 (2015) 118,
/// arXiv:1407.5675; de Oliveira et al., JHEP 07 (2016) 069, arXiv:1511.05190): constituents are placed at
/// (η − η_c, Δφ to the centre), the image is rotated and flipped per <see cref="JetImageSpec"/>, then pixelised into a
/// caller-supplied <see cref="Span{T}"/> laid out [channel, row = φ′, column = η′].
/// </summary>
/// <remarks>
/// <para>Subjets are the inclusive kt subjets of radius <see cref="JetImageSpec.SubjetRadius"/> (E-scheme, ΔR in
/// pseudorapidity and azimuth, the image coordinates), ordered by pt.
/// Azimuths are first taken relative to the jet axis, so jets across φ = ±π need no special care.</para>
/// <para>Bad input: a constituent with a NaN or infinite component, a destination of the wrong length, or missing
/// charges for a charge channel raise <see cref="ArgumentException"/>. An empty jet gives an all-zero image.</para>
/// </remarks>
public static class JetImageBuilder
{
    private const double OnAxis = 1e-9;

    /// <summary>Fills one image (the destination is cleared first).</summary>
    /// <param name="constituents">The jet's constituents.</param>
    /// <param name="charges">Their charges (may be empty unless a charge channel is requested).</param>
    /// <param name="spec">The image geometry and preprocessing.</param>
    /// <param name="destination">Exactly <see cref="JetImageSpec.ValuesPerImage"/> floats.</param>
    /// <returns>The number of constituents that fell outside the image.</returns>
    public static int Fill(ReadOnlySpan<LorentzVector> constituents, ReadOnlySpan<int> charges, JetImageSpec spec, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (destination.Length != spec.ValuesPerImage)
        {
            throw new ArgumentException($"an image of {spec.ChannelCount} x {spec.Pixels} x {spec.Pixels} needs {spec.ValuesPerImage} floats; the destination has {destination.Length}", nameof(destination));
        }

        CheckCharges(constituents.Length, charges.Length, spec);
        return FillCore(constituents, charges, spec, destination);
    }

    /// <summary>Fills one image from constituents without charges.</summary>
    public static int Fill(ReadOnlySpan<LorentzVector> constituents, JetImageSpec spec, Span<float> destination) =>
        Fill(constituents, ReadOnlySpan<int>.Empty, spec, destination);

    /// <summary>
    /// Fills one image per entry of <paramref name="jets"/> into <paramref name="destination"/>, a [N, C, H, W] block
    /// (N = entries), in parallel over jets.
    /// </summary>
    /// <param name="jets">One entry per jet (its constituents).</param>
    /// <param name="spec">The image geometry and preprocessing.</param>
    /// <param name="destination">Exactly N × <see cref="JetImageSpec.ValuesPerImage"/> floats.</param>
    /// <param name="maxDegreeOfParallelism">Threads to use; −1 for all cores.</param>
    /// <returns>The number of constituents, over all jets, that fell outside their image.</returns>
    public static unsafe long FillBatch(ParticleTable jets, JetImageSpec spec, Span<float> destination, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(jets);
        ArgumentNullException.ThrowIfNull(spec);
        int perImage = spec.ValuesPerImage;
        long needed = (long)jets.EntryCount * perImage;
        if (destination.Length != needed)
        {
            throw new ArgumentException($"{jets.EntryCount} images of {spec.ChannelCount} x {spec.Pixels} x {spec.Pixels} need {needed} floats; the destination has {destination.Length}", nameof(destination));
        }

        if (spec.NeedsCharges && !jets.HasCharges)
        {
            throw new ArgumentException("a charge channel was requested but the particle table has no charges", nameof(jets));
        }

        int count = jets.EntryCount;
        if (count == 0)
        {
            return 0;
        }

        long outside = 0;
        fixed (float* pinned = destination)
        {
            nint address = (nint)pinned;
            int threads = maxDegreeOfParallelism > 0 ? maxDegreeOfParallelism : Environment.ProcessorCount;
            int chunks = Math.Min(count, threads * 8);
            var options = new ParallelOptions { MaxDegreeOfParallelism = threads };
            Parallel.For(0, chunks, options, () => 0L, (chunk, _, local) =>
            {
                int start = (int)((long)count * chunk / chunks);
                int end = (int)((long)count * (chunk + 1) / chunks);
                var all = new Span<float>((void*)address, checked(count * perImage));
                for (int j = start; j < end; j++)
                {
                    local += FillCore(jets.Momenta(j), jets.Charges(j), spec, all.Slice(j * perImage, perImage));
                }

                return local;
            }, local => Interlocked.Add(ref outside, local));
        }

        return outside;
    }

    private static void CheckCharges(int constituents, int charges, JetImageSpec spec)
    {
        if (spec.NeedsCharges && charges != constituents)
        {
            throw new ArgumentException($"a charge channel needs one charge per constituent: {charges} charges for {constituents} constituents", nameof(charges));
        }
    }

    private static int FillCore(ReadOnlySpan<LorentzVector> constituents, ReadOnlySpan<int> charges, JetImageSpec spec, Span<float> destination)
    {
        destination.Clear();
        int n = constituents.Length;
        if (n == 0)
        {
            return 0;
        }

        double[] rented = ArrayPool<double>.Shared.Rent(4 * n);
        try
        {
            Span<double> pt = rented.AsSpan(0, n), u = rented.AsSpan(n, n), v = rented.AsSpan(2 * n, n), phi = rented.AsSpan(3 * n, n);
            LorentzVector jet = default;
            for (int i = 0; i < n; i++)
            {
                if (!constituents[i].IsFinite)
                {
                    throw new ArgumentException($"constituent {i} has a non-finite momentum {constituents[i]}", nameof(constituents));
                }

                jet += constituents[i];
            }

            double phiReference = jet.Phi;
            double ptSum = 0;
            for (int i = 0; i < n; i++)
            {
                pt[i] = constituents[i].Pt;
                u[i] = constituents[i].Eta;
                phi[i] = constituents[i].Phi;
                v[i] = Angles.DeltaPhi(phi[i], phiReference);
                ptSum += pt[i];
            }

            // Subjets, when the centring or the rotation needs them.
            bool needSubjets = spec.Centering == JetImageCentering.LeadingSubjet || spec.Rotation == JetImageRotation.SecondSubjet;
            (double Eta, double Phi)? first = null, second = null;
            if (needSubjets)
            {
                ((double Eta, double Phi) leading, (double Eta, double Phi)? next) = KtSubjetFinder.Find(constituents, u, phi, spec.SubjetRadius);
                first = (leading.Eta, Angles.DeltaPhi(leading.Phi, phiReference));
                second = next is { } t ? (t.Eta, Angles.DeltaPhi(t.Phi, phiReference)) : null;
            }

            (double centreU, double centreV) = spec.Centering switch
            {
                JetImageCentering.LeadingSubjet => first!.Value,
                JetImageCentering.PtCentroid => Centroid(pt, u, v, ptSum),
                _ => (jet.Eta, 0.0),
            };

            for (int i = 0; i < n; i++)
            {
                u[i] -= centreU;
                v[i] = Angles.WrapDeltaPhi(v[i] - centreV);
            }

            double angle = 0;
            bool rotate = spec.Rotation != JetImageRotation.None;
            if (spec.Rotation == JetImageRotation.SecondSubjet && second is { } s2)
            {
                double du = s2.Eta - centreU, dv = Angles.WrapDeltaPhi(s2.Phi - centreV);
                angle = du == 0 && dv == 0 ? 0 : Math.Atan2(dv, du);
            }
            else if (rotate)
            {
                angle = PrincipalAngle(pt, u, v, ptSum);
            }

            if (rotate && angle != 0)
            {
                double c = Math.Cos(angle), s = Math.Sin(angle);
                for (int i = 0; i < n; i++)
                {
                    double ui = u[i], vi = v[i];
                    u[i] = c * ui + s * vi;
                    v[i] = -s * ui + c * vi;
                }
            }

            if (spec.FlipHotterHalfUp)
            {
                // Particles within 1e-9 of the axis (the subjets themselves, after rounding) count for neither half.
                double upper = 0, lower = 0;
                for (int i = 0; i < n; i++)
                {
                    if (v[i] > OnAxis)
                    {
                        upper += pt[i];
                    }
                    else if (v[i] < -OnAxis)
                    {
                        lower += pt[i];
                    }
                }

                if (upper < lower)
                {
                    for (int i = 0; i < n; i++)
                    {
                        v[i] = -v[i];
                    }
                }
            }

            return Pixelise(pt, u, v, charges, spec, destination);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    private static int Pixelise(ReadOnlySpan<double> pt, ReadOnlySpan<double> u, ReadOnlySpan<double> v, ReadOnlySpan<int> charges, JetImageSpec spec, Span<float> destination)
    {
        int pixels = spec.Pixels;
        int plane = spec.PixelCount;
        double inverseSize = 1.0 / spec.PixelSize;
        double half = 0.5 * pixels;
        IReadOnlyList<JetImageChannel> channels = spec.Channels;
        int outside = 0;
        for (int i = 0; i < pt.Length; i++)
        {
            double colValue = Math.Floor(u[i] * inverseSize + half);
            double rowValue = Math.Floor(v[i] * inverseSize + half);
            if (!(colValue >= 0 && colValue < pixels && rowValue >= 0 && rowValue < pixels))
            {
                outside++;
                continue;
            }

            int cell = (int)rowValue * pixels + (int)colValue;
            bool charged = !charges.IsEmpty && charges[i] != 0;
            for (int c = 0; c < channels.Count; c++)
            {
                float value = channels[c] switch
                {
                    JetImageChannel.Pt => (float)pt[i],
                    JetImageChannel.ChargedPt => charged ? (float)pt[i] : 0f,
                    JetImageChannel.NeutralPt => charged ? 0f : (float)pt[i],
                    JetImageChannel.Multiplicity => 1f,
                    _ => charged ? 1f : 0f,
                };
                destination[c * plane + cell] += value;
            }
        }

        if (spec.Normalisation != JetImageNormalisation.None)
        {
            for (int c = 0; c < channels.Count; c++)
            {
                Span<float> channel = destination.Slice(c * plane, plane);
                double norm = 0;
                foreach (float x in channel)
                {
                    norm += spec.Normalisation == JetImageNormalisation.L2 ? (double)x * x : x;
                }

                if (spec.Normalisation == JetImageNormalisation.L2)
                {
                    norm = Math.Sqrt(norm);
                }

                if (norm != 0)
                {
                    float scale = (float)(1.0 / norm);
                    for (int k = 0; k < channel.Length; k++)
                    {
                        channel[k] *= scale;
                    }
                }
            }
        }

        return outside;
    }

    private static (double U, double V) Centroid(ReadOnlySpan<double> pt, ReadOnlySpan<double> u, ReadOnlySpan<double> v, double ptSum)
    {
        if (ptSum == 0)
        {
            return (0, 0);
        }

        double su = 0, sv = 0;
        for (int i = 0; i < pt.Length; i++)
        {
            su += pt[i] * u[i];
            sv += pt[i] * v[i];
        }

        return (su / ptSum, sv / ptSum);
    }

    /// <summary>The angle of the major principal axis, oriented so the pt-weighted mean along it is ≥ 0.</summary>
    private static double PrincipalAngle(ReadOnlySpan<double> pt, ReadOnlySpan<double> u, ReadOnlySpan<double> v, double ptSum)
    {
        if (ptSum == 0)
        {
            return 0;
        }

        (double mu, double mv) = Centroid(pt, u, v, ptSum);
        double cuu = 0, cvv = 0, cuv = 0;
        for (int i = 0; i < pt.Length; i++)
        {
            double du = u[i] - mu, dv = v[i] - mv;
            cuu += pt[i] * du * du;
            cvv += pt[i] * dv * dv;
            cuv += pt[i] * du * dv;
        }

        double angle = cuu == cvv && cuv == 0 ? 0 : 0.5 * Math.Atan2(2 * cuv, cuu - cvv);
        // Orient the axis so that the bulk of the jet (pt-weighted mean along the axis) is on the + side.
        if (Math.Cos(angle) * mu + Math.Sin(angle) * mv < 0)
        {
            angle += Math.PI;
        }

        return angle;
    }
}
