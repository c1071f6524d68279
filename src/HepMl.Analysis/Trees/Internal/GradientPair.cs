using System.Runtime.InteropServices;

namespace HepMl.Analysis.Trees.Internal;

/// <summary>First and second derivative of an event's weighted loss, in float (as XGBoost's <c>GradientPair</c>);
/// histograms accumulate them in double.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct GradientPair
{
    public float Gradient;
    public float Hessian;

    public GradientPair(float gradient, float hessian)
    {
        Gradient = gradient;
        Hessian = hessian;
    }
}
