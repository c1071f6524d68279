namespace HepMl.Analysis.Trees.Internal;

/// <summary>
/// TMVA's separation criteria (<c>SeparationBase</c> and subclasses, <c>RegressionVariance</c>): the index of a node
/// and the gain of a split, written from ROOT's TMVA sources.
/// </summary>
internal static class TmvaSeparation
{
    /// <summary>C++ <c>std::numeric_limits&lt;double&gt;::epsilon()</c> (not .NET's <see cref="double.Epsilon"/>).</summary>
    public const double MachineEpsilon = 2.220446049250313e-16;

    /// <summary>TMVA <c>fPrecisionCut</c> = √(machine epsilon): smaller gains count as no gain.</summary>
    private static readonly double s_precisionCut = Math.Sqrt(MachineEpsilon);

    /// <summary>The separation index of a node with weighted signal <paramref name="s"/> and background <paramref name="b"/>.</summary>
    public static double Index(TmvaSeparationType type, double s, double b)
    {
        switch (type)
        {
            case TmvaSeparationType.GiniIndex:
                return s + b <= 0 || s <= 0 || b <= 0 ? 0 : 2 * s * b / (s + b) / (s + b);
            case TmvaSeparationType.GiniIndexWithLaplace:
                return s + b <= 0 || s <= 0 || b <= 0 ? 0 : ((s * b) + s + b + 1) / (s + b + 2) / (s + b + 2);
            case TmvaSeparationType.CrossEntropy:
            {
                if (s + b <= 0)
                {
                    return 0;
                }

                double p = s / (s + b);
                return p <= 0 || p >= 1 ? 0 : -((p * Math.Log2(p)) + ((1 - p) * Math.Log2(1 - p)));
            }

            case TmvaSeparationType.MisClassificationError:
            {
                if (s + b <= 0)
                {
                    return 0;
                }

                double p = s / (s + b);
                return p >= 1 - p ? 1 - p : p;
            }

            default:
                return s + b > 0 ? s / Math.Sqrt(s + b) : 0;
        }
    }

    /// <summary>
    /// Gain of sending (<paramref name="selectedS"/>, <paramref name="selectedB"/>) to one side out of
    /// (<paramref name="totalS"/>, <paramref name="totalB"/>): parent index minus the fraction-weighted child indices
    /// (TMVA <c>SeparationBase::GetSeparationGain</c>; S/√(S+B) weights by counts and divides by the total, as its
    /// override does); gains below √ε are 0.
    /// </summary>
    public static double Gain(TmvaSeparationType type, double selectedS, double selectedB, double totalS, double totalB)
    {
        if (totalS - selectedS == selectedS && totalB - selectedB == selectedB)
        {
            return 0;
        }

        double otherS = totalS - selectedS, otherB = totalB - selectedB;
        double total = totalS + totalB;
        double difference;
        if (type == TmvaSeparationType.SDivSqrtSPlusB)
        {
            double parent = total * Index(type, totalS, totalB);
            double other = (otherS + otherB) * Index(type, otherS, otherB);
            double selected = (selectedS + selectedB) * Index(type, selectedS, selectedB);
            difference = (parent - other - selected) / total;
        }
        else
        {
            double parent = Index(type, totalS, totalB);
            double other = (otherS + otherB) / total * Index(type, otherS, otherB);
            double selected = (selectedS + selectedB) / total * Index(type, selectedS, selectedB);
            difference = parent - other - selected;
        }

        return difference < s_precisionCut ? 0 : difference;
    }

    /// <summary>Variance index of a node: (Σt² - (Σt)²/n)/n (TMVA <c>RegressionVariance::GetSeparationIndex</c>).</summary>
    public static double VarianceIndex(double n, double target, double target2) => (target2 - (target * target / n)) / n;

    /// <summary>Relative variance reduction of a split (TMVA <c>RegressionVariance::GetSeparationGain</c>).</summary>
    public static double VarianceGain(double nLeft, double targetLeft, double target2Left, double nTotal, double targetTotal, double target2Total)
    {
        if (nTotal == nLeft || nLeft == 0)
        {
            return 0;
        }

        double parent = nTotal * VarianceIndex(nTotal, targetTotal, target2Total);
        double other = (nTotal - nLeft) * VarianceIndex(nTotal - nLeft, targetTotal - targetLeft, target2Total - target2Left);
        double selected = nLeft * VarianceIndex(nLeft, targetLeft, target2Left);
        return (parent - other - selected) / parent;
    }

    /// <summary>TMVA's <c>almost_equal_float</c> with 4 ulps: the feature has no usable range in the node.</summary>
    public static bool AlmostEqualFloat(float x, float y)
    {
        const float floatEpsilon = 1.1920929e-07f; // std::numeric_limits<float>::epsilon()
        const float floatMin = 1.17549435e-38f;    // std::numeric_limits<float>::min()
        return MathF.Abs(x - y) < floatEpsilon * MathF.Abs(x + y) * 4 || MathF.Abs(x - y) < floatMin;
    }
}
