using System.Buffers;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace HepMl.Physics.Vectors;

/// <summary>
/// Struct-of-arrays (column) forms of the <see cref="LorentzVector"/> quantities, for millions of objects at once:
/// span in, span destination out, vectorised (System.Numerics.Tensors <c>TensorPrimitives</c> and
/// <see cref="Vector{T}"/>), no allocation beyond pooled temporaries. Each kernel gives the same value as the
/// scalar property of <see cref="LorentzVector"/> to a few ulp (vectorised transcendental functions may round
/// differently from <see cref="Math"/>; results can differ across machines in the last bits).
/// </summary>
/// <remarks>
/// Every input span must have the destination's length (<see cref="ArgumentException"/> names both lengths); a
/// destination may be one of the inputs (exact overlap), never a partial overlap. NaN propagates.
/// </remarks>
public static class Kinematics
{
    /// <summary>Pt = sqrt(Px² + Py²).</summary>
    public static void Pt(ReadOnlySpan<double> px, ReadOnlySpan<double> py, Span<double> destination)
    {
        CheckLengths(destination.Length, px.Length, py.Length);
        TensorPrimitives.Hypot(px, py, destination);
    }

    /// <summary>Azimuth in (−π, π] (0 where Pt = 0), as <see cref="LorentzVector.Phi"/>.</summary>
    public static void Phi(ReadOnlySpan<double> px, ReadOnlySpan<double> py, Span<double> destination)
    {
        CheckLengths(destination.Length, px.Length, py.Length);
        TensorPrimitives.Atan2(py, px, destination);
        if (destination.Length > 0 && TensorPrimitives.Min(destination) <= -Math.PI)
        {
            for (int i = 0; i < destination.Length; i++)
            {
                if (destination[i] <= -Math.PI)
                {
                    destination[i] = px[i] == 0 && py[i] == 0 ? 0 : Math.PI;
                }
            }
        }
    }

    /// <summary>Pseudorapidity asinh(Pz/Pt), capped like <see cref="LorentzVector.Eta"/> where Pt = 0.</summary>
    public static void Eta(ReadOnlySpan<double> px, ReadOnlySpan<double> py, ReadOnlySpan<double> pz, Span<double> destination)
    {
        CheckLengths(destination.Length, px.Length, py.Length, pz.Length);
        int n = destination.Length;
        double[] rented = ArrayPool<double>.Shared.Rent(n);
        try
        {
            Span<double> pt = rented.AsSpan(0, n);
            TensorPrimitives.Hypot(px, py, pt);
            TensorPrimitives.Divide(pz, pt, destination);
            TensorPrimitives.Asinh(destination, destination);
            if (n > 0 && TensorPrimitives.Min(pt) == 0)
            {
                for (int i = 0; i < n; i++)
                {
                    if (pt[i] == 0)
                    {
                        destination[i] = new LorentzVector(px[i], py[i], pz[i], 0).Eta;
                    }
                }
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    /// <summary>Rapidity with FastJet's formula, as <see cref="LorentzVector.Rapidity"/>.</summary>
    public static void Rapidity(ReadOnlySpan<double> px, ReadOnlySpan<double> py, ReadOnlySpan<double> pz, ReadOnlySpan<double> e, Span<double> destination)
    {
        CheckLengths(destination.Length, px.Length, py.Length, pz.Length, e.Length);
        int n = destination.Length;
        // ratio = (pt² + max(m², 0)) / (E + |pz|)²; then y = ∓½ ln(ratio) by the sign of pz.
        int i = 0;
        bool needsCap = false;
        if (Vector.IsHardwareAccelerated)
        {
            ReadOnlySpan<Vector<double>> vx = MemoryMarshal.Cast<double, Vector<double>>(px);
            ReadOnlySpan<Vector<double>> vy = MemoryMarshal.Cast<double, Vector<double>>(py);
            ReadOnlySpan<Vector<double>> vz = MemoryMarshal.Cast<double, Vector<double>>(pz);
            ReadOnlySpan<Vector<double>> ve = MemoryMarshal.Cast<double, Vector<double>>(e);
            Span<Vector<double>> vd = MemoryMarshal.Cast<double, Vector<double>>(destination);
            for (int k = 0; k < vd.Length; k++)
            {
                Vector<double> pt2 = vx[k] * vx[k] + vy[k] * vy[k];
                Vector<double> m2 = (ve[k] + vz[k]) * (ve[k] - vz[k]) - pt2;
                Vector<double> plus = ve[k] + Vector.Abs(vz[k]);
                vd[k] = (pt2 + Vector.Max(m2, Vector<double>.Zero)) / (plus * plus);
                needsCap |= Vector.EqualsAny(pt2, Vector<double>.Zero);
            }

            i = vd.Length * Vector<double>.Count;
        }

        for (; i < n; i++)
        {
            double pt2 = px[i] * px[i] + py[i] * py[i];
            double m2 = (e[i] + pz[i]) * (e[i] - pz[i]) - pt2;
            double plus = e[i] + Math.Abs(pz[i]);
            destination[i] = (pt2 + Math.Max(m2, 0.0)) / (plus * plus);
            needsCap |= pt2 == 0;
        }

        TensorPrimitives.Log(destination, destination);
        for (i = 0; i < n; i++)
        {
            destination[i] = pz[i] > 0 ? -0.5 * destination[i] : 0.5 * destination[i];
        }

        if (needsCap)
        {
            for (i = 0; i < n; i++)
            {
                if (px[i] * px[i] + py[i] * py[i] == 0)
                {
                    destination[i] = LorentzVector.RapidityOf(px[i], py[i], pz[i], e[i]);
                }
            }
        }
    }

    /// <summary>Invariant mass, −sqrt(−m²) when spacelike, with m² = (E + Pz)(E − Pz) − Pt².</summary>
    public static void Mass(ReadOnlySpan<double> px, ReadOnlySpan<double> py, ReadOnlySpan<double> pz, ReadOnlySpan<double> e, Span<double> destination)
    {
        CheckLengths(destination.Length, px.Length, py.Length, pz.Length, e.Length);
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            ReadOnlySpan<Vector<double>> vx = MemoryMarshal.Cast<double, Vector<double>>(px);
            ReadOnlySpan<Vector<double>> vy = MemoryMarshal.Cast<double, Vector<double>>(py);
            ReadOnlySpan<Vector<double>> vz = MemoryMarshal.Cast<double, Vector<double>>(pz);
            ReadOnlySpan<Vector<double>> ve = MemoryMarshal.Cast<double, Vector<double>>(e);
            Span<Vector<double>> vd = MemoryMarshal.Cast<double, Vector<double>>(destination);
            for (int k = 0; k < vd.Length; k++)
            {
                Vector<double> m2 = (ve[k] + vz[k]) * (ve[k] - vz[k]) - (vx[k] * vx[k] + vy[k] * vy[k]);
                Vector<double> root = Vector.SquareRoot(Vector.Abs(m2));
                vd[k] = Vector.ConditionalSelect(Vector.LessThan(m2, Vector<double>.Zero), -root, root);
            }

            i = vd.Length * Vector<double>.Count;
        }

        for (; i < destination.Length; i++)
        {
            destination[i] = new LorentzVector(px[i], py[i], pz[i], e[i]).Mass;
        }
    }

    /// <summary>Invariant mass of the pairwise sums a[i] + b[i].</summary>
    public static void InvariantMass(
        ReadOnlySpan<double> px1, ReadOnlySpan<double> py1, ReadOnlySpan<double> pz1, ReadOnlySpan<double> e1,
        ReadOnlySpan<double> px2, ReadOnlySpan<double> py2, ReadOnlySpan<double> pz2, ReadOnlySpan<double> e2,
        Span<double> destination)
    {
        CheckLengths(destination.Length, px1.Length, py1.Length, pz1.Length, e1.Length);
        CheckLengths(destination.Length, px2.Length, py2.Length, pz2.Length, e2.Length);
        int n = destination.Length;
        double[] rented = ArrayPool<double>.Shared.Rent(4 * n);
        try
        {
            Span<double> x = rented.AsSpan(0, n), y = rented.AsSpan(n, n), z = rented.AsSpan(2 * n, n), t = rented.AsSpan(3 * n, n);
            TensorPrimitives.Add(px1, px2, x);
            TensorPrimitives.Add(py1, py2, y);
            TensorPrimitives.Add(pz1, pz2, z);
            TensorPrimitives.Add(e1, e2, t);
            Mass(x, y, z, t, destination);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    /// <summary>Converts (Pt, η, φ, m) columns to (Px, Py, Pz, E) columns, as <see cref="LorentzVector.FromPtEtaPhiM"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative Pt, or a spacelike mass larger in magnitude than |p|.</exception>
    public static void FromPtEtaPhiM(
        ReadOnlySpan<double> pt, ReadOnlySpan<double> eta, ReadOnlySpan<double> phi, ReadOnlySpan<double> mass,
        Span<double> px, Span<double> py, Span<double> pz, Span<double> e)
    {
        int n = pt.Length;
        CheckLengths(n, eta.Length, phi.Length, mass.Length, px.Length, py.Length, pz.Length, e.Length);
        if (n > 0 && TensorPrimitives.Min(pt) < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(pt), $"Pt must not be negative; element {TensorPrimitives.IndexOfMin(pt)} is {TensorPrimitives.Min(pt)}");
        }

        // Outputs are written only after all inputs are read, so a destination may alias an input column.
        double[] rented = ArrayPool<double>.Shared.Rent(4 * n);
        try
        {
            Span<double> c = rented.AsSpan(0, n), s = rented.AsSpan(n, n), sh = rented.AsSpan(2 * n, n), p = rented.AsSpan(3 * n, n);
            TensorPrimitives.Cos(phi, c);
            TensorPrimitives.Sin(phi, s);
            TensorPrimitives.Sinh(eta, sh);
            TensorPrimitives.Cosh(eta, p);
            TensorPrimitives.Multiply(p, pt, p);
            for (int i = 0; i < n; i++)
            {
                double m = mass[i];
                double e2 = p[i] * p[i] + m * Math.Abs(m);
                if (e2 < 0)
                {
                    throw new ArgumentOutOfRangeException(nameof(mass), $"element {i}: a spacelike mass of magnitude {-m} needs |p| >= {-m}; |p| = {p[i]}");
                }

                p[i] = Math.Sqrt(e2);
            }

            TensorPrimitives.Multiply(pt, sh, sh);
            TensorPrimitives.Multiply(pt, c, c);
            TensorPrimitives.Multiply(pt, s, s);
            c.CopyTo(px);
            s.CopyTo(py);
            sh.CopyTo(pz);
            p.CopyTo(e);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    /// <summary>Δφ = phi1 − phi2 wrapped to [−π, π), as <see cref="Angles.DeltaPhi"/>.</summary>
    public static void DeltaPhi(ReadOnlySpan<double> phi1, ReadOnlySpan<double> phi2, Span<double> destination) =>
        DeltaPhiCore(phi1, phi2, destination, Math.PI);

    /// <summary>Δφ = phi1 − phi2 wrapped to [−π, π) in single precision (π rounded to float).</summary>
    public static void DeltaPhi(ReadOnlySpan<float> phi1, ReadOnlySpan<float> phi2, Span<float> destination) =>
        DeltaPhiCore(phi1, phi2, destination, MathF.PI);

    /// <summary>ΔR = sqrt(Δη² + Δφ²) with Δφ wrapped to [−π, π).</summary>
    public static void DeltaR(ReadOnlySpan<double> eta1, ReadOnlySpan<double> phi1, ReadOnlySpan<double> eta2, ReadOnlySpan<double> phi2, Span<double> destination) =>
        DeltaRCore(eta1, phi1, eta2, phi2, destination, Math.PI);

    /// <summary>ΔR in single precision.</summary>
    public static void DeltaR(ReadOnlySpan<float> eta1, ReadOnlySpan<float> phi1, ReadOnlySpan<float> eta2, ReadOnlySpan<float> phi2, Span<float> destination) =>
        DeltaRCore(eta1, phi1, eta2, phi2, destination, MathF.PI);

    /// <summary>The scalar twin of the vector Δφ kernel, used for the tail and by the tests.</summary>
    internal static T WrapDeltaPhiScalar<T>(T d, T pi)
        where T : IFloatingPointIeee754<T>
    {
        T twoPi = pi + pi;
        if (d >= -pi && d < pi)
        {
            return d;
        }

        T w = d - twoPi * T.Floor((d + pi) / twoPi);
        if (w < -pi)
        {
            w += twoPi;
        }
        else if (w >= pi)
        {
            w -= twoPi;
        }

        return w;
    }

    private static Vector<T> WrapDeltaPhiVector<T>(Vector<T> d, Vector<T> pi, Vector<T> twoPi)
        where T : IFloatingPointIeee754<T>
    {
        Vector<T> inRange = Vector.GreaterThanOrEqual(d, -pi) & Vector.LessThan(d, pi);
        if (Vector.EqualsAll(inRange.As<T, int>() & Vector<int>.AllBitsSet, Vector<int>.AllBitsSet))
        {
            return d;
        }

        Vector<T> w = d - twoPi * Floor((d + pi) / twoPi);
        w = Vector.ConditionalSelect(Vector.LessThan(w, -pi), w + twoPi, w);
        w = Vector.ConditionalSelect(Vector.GreaterThanOrEqual(w, pi), w - twoPi, w);
        return Vector.ConditionalSelect(inRange, d, w);
    }

    private static Vector<T> Floor<T>(Vector<T> x)
        where T : IFloatingPointIeee754<T>
    {
        // Vector.Floor exists only for float and double; the JIT removes the untaken branch.
        if (typeof(T) == typeof(double))
        {
            return Vector.Floor(x.As<T, double>()).As<double, T>();
        }

        return Vector.Floor(x.As<T, float>()).As<float, T>();
    }

    private static void DeltaPhiCore<T>(ReadOnlySpan<T> phi1, ReadOnlySpan<T> phi2, Span<T> destination, T pi)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckLengths(destination.Length, phi1.Length, phi2.Length);
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            ReadOnlySpan<Vector<T>> a = MemoryMarshal.Cast<T, Vector<T>>(phi1);
            ReadOnlySpan<Vector<T>> b = MemoryMarshal.Cast<T, Vector<T>>(phi2);
            Span<Vector<T>> d = MemoryMarshal.Cast<T, Vector<T>>(destination);
            var vpi = new Vector<T>(pi);
            Vector<T> vtwoPi = vpi + vpi;
            for (int k = 0; k < d.Length; k++)
            {
                d[k] = WrapDeltaPhiVector(a[k] - b[k], vpi, vtwoPi);
            }

            i = d.Length * Vector<T>.Count;
        }

        for (; i < destination.Length; i++)
        {
            destination[i] = WrapDeltaPhiScalar(phi1[i] - phi2[i], pi);
        }
    }

    private static void DeltaRCore<T>(ReadOnlySpan<T> eta1, ReadOnlySpan<T> phi1, ReadOnlySpan<T> eta2, ReadOnlySpan<T> phi2, Span<T> destination, T pi)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckLengths(destination.Length, eta1.Length, phi1.Length, eta2.Length, phi2.Length);
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            ReadOnlySpan<Vector<T>> ea = MemoryMarshal.Cast<T, Vector<T>>(eta1);
            ReadOnlySpan<Vector<T>> pa = MemoryMarshal.Cast<T, Vector<T>>(phi1);
            ReadOnlySpan<Vector<T>> eb = MemoryMarshal.Cast<T, Vector<T>>(eta2);
            ReadOnlySpan<Vector<T>> pb = MemoryMarshal.Cast<T, Vector<T>>(phi2);
            Span<Vector<T>> d = MemoryMarshal.Cast<T, Vector<T>>(destination);
            var vpi = new Vector<T>(pi);
            Vector<T> vtwoPi = vpi + vpi;
            for (int k = 0; k < d.Length; k++)
            {
                Vector<T> dphi = WrapDeltaPhiVector(pa[k] - pb[k], vpi, vtwoPi);
                Vector<T> deta = ea[k] - eb[k];
                d[k] = Vector.SquareRoot(deta * deta + dphi * dphi);
            }

            i = d.Length * Vector<T>.Count;
        }

        for (; i < destination.Length; i++)
        {
            T dphi = WrapDeltaPhiScalar(phi1[i] - phi2[i], pi);
            T deta = eta1[i] - eta2[i];
            destination[i] = T.Sqrt(deta * deta + dphi * dphi);
        }
    }

    private static void CheckLengths(int expected, params ReadOnlySpan<int> lengths)
    {
        foreach (int length in lengths)
        {
            if (length != expected)
            {
                throw new ArgumentException($"all columns must have the destination's length {expected}; got lengths [{string.Join(", ", lengths.ToArray())}]");
            }
        }
    }
}
