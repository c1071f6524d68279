using HepMl.Analysis.Classic;

namespace HepMl.Analysis.Svm.Internal;

/// <summary>
/// Sequential minimal optimisation of the C-SVC dual min ½αᵀQα − Σα subject to 0 ≤ α_i ≤ C_i and Σ y_i α_i = 0,
/// with the second-order working-set selection of Fan, Chen and Lin (JMLR 6, 2005), as in libsvm (no shrinking).
/// </summary>
internal static class SmoSolver
{
    private const double Tau = 1e-12;

    /// <summary>Returns the dual coefficients α and the offset ρ (decision = Σ y_i α_i K(x_i, x) − ρ).</summary>
    public static (double[] Alpha, double Rho, int Iterations) Solve(KernelRows q, sbyte[] y, double[] upper, double tolerance, int maximumIterations)
    {
        int n = y.Length;
        var alpha = new double[n];
        var gradient = new double[n];
        Array.Fill(gradient, -1.0);
        double[] qd = q.Diagonal;
        int iteration = 0;
        while (true)
        {
            // Working set selection: i maximises -y_t G_t over I_up, j minimises the second-order gain over I_low.
            double gMax = double.NegativeInfinity, gMax2 = double.NegativeInfinity;
            int i = -1;
            for (int t = 0; t < n; t++)
            {
                if (y[t] == 1)
                {
                    if (alpha[t] < upper[t] && -gradient[t] >= gMax)
                    {
                        gMax = -gradient[t];
                        i = t;
                    }
                }
                else if (alpha[t] > 0 && gradient[t] >= gMax)
                {
                    gMax = gradient[t];
                    i = t;
                }
            }

            int j = -1;
            double bestDecrease = double.PositiveInfinity;
            float[]? rowI = i >= 0 ? q.Row(i) : null;
            for (int t = 0; t < n && rowI is not null; t++)
            {
                double gradDiff, quad;
                if (y[t] == 1)
                {
                    if (!(alpha[t] > 0))
                    {
                        continue;
                    }

                    gMax2 = Math.Max(gMax2, gradient[t]);
                    gradDiff = gMax + gradient[t];
                    quad = qd[i] + qd[t] - (2.0 * y[i] * rowI[t]);
                }
                else
                {
                    if (!(alpha[t] < upper[t]))
                    {
                        continue;
                    }

                    gMax2 = Math.Max(gMax2, -gradient[t]);
                    gradDiff = gMax - gradient[t];
                    quad = qd[i] + qd[t] + (2.0 * y[i] * rowI[t]);
                }

                if (gradDiff > 0)
                {
                    double decrease = -(gradDiff * gradDiff) / (quad > 0 ? quad : Tau);
                    if (decrease <= bestDecrease)
                    {
                        j = t;
                        bestDecrease = decrease;
                    }
                }
            }

            if (i < 0 || j < 0 || gMax + gMax2 < tolerance)
            {
                break;
            }

            if (++iteration > maximumIterations)
            {
                throw new ConvergenceException(
                    $"support vector machine: no convergence after {maximumIterations} SMO iterations (KKT violation {gMax + gMax2:G3} > tolerance {tolerance})");
            }

            float[] qi = q.Row(i);
            float[] qj = q.Row(j);
            double ci = upper[i], cj = upper[j];
            double oldI = alpha[i], oldJ = alpha[j];
            if (y[i] != y[j])
            {
                double quad = qd[i] + qd[j] + (2 * qi[j]);
                double delta = (-gradient[i] - gradient[j]) / (quad > 0 ? quad : Tau);
                double diff = alpha[i] - alpha[j];
                alpha[i] += delta;
                alpha[j] += delta;
                if (diff > 0)
                {
                    if (alpha[j] < 0)
                    {
                        alpha[j] = 0;
                        alpha[i] = diff;
                    }
                }
                else if (alpha[i] < 0)
                {
                    alpha[i] = 0;
                    alpha[j] = -diff;
                }

                if (diff > ci - cj)
                {
                    if (alpha[i] > ci)
                    {
                        alpha[i] = ci;
                        alpha[j] = ci - diff;
                    }
                }
                else if (alpha[j] > cj)
                {
                    alpha[j] = cj;
                    alpha[i] = cj + diff;
                }
            }
            else
            {
                double quad = qd[i] + qd[j] - (2 * qi[j]);
                double delta = (gradient[i] - gradient[j]) / (quad > 0 ? quad : Tau);
                double sum = alpha[i] + alpha[j];
                alpha[i] -= delta;
                alpha[j] += delta;
                if (sum > ci)
                {
                    if (alpha[i] > ci)
                    {
                        alpha[i] = ci;
                        alpha[j] = sum - ci;
                    }
                }
                else if (alpha[j] < 0)
                {
                    alpha[j] = 0;
                    alpha[i] = sum;
                }

                if (sum > cj)
                {
                    if (alpha[j] > cj)
                    {
                        alpha[j] = cj;
                        alpha[i] = sum - cj;
                    }
                }
                else if (alpha[i] < 0)
                {
                    alpha[i] = 0;
                    alpha[j] = sum;
                }
            }

            double deltaI = alpha[i] - oldI, deltaJ = alpha[j] - oldJ;
            for (int t = 0; t < n; t++)
            {
                gradient[t] += (qi[t] * deltaI) + (qj[t] * deltaJ);
            }
        }

        return (alpha, Rho(alpha, gradient, y, upper), iteration);
    }

    private static double Rho(double[] alpha, double[] gradient, sbyte[] y, double[] upper)
    {
        double ub = double.PositiveInfinity, lb = double.NegativeInfinity, sumFree = 0;
        int free = 0;
        for (int t = 0; t < alpha.Length; t++)
        {
            double yg = y[t] * gradient[t];
            bool atUpper = alpha[t] >= upper[t], atLower = alpha[t] <= 0;
            if (atUpper && atLower)
            {
                continue; // C_t = 0: the event does not constrain the offset
            }

            if (atUpper)
            {
                if (y[t] == -1)
                {
                    ub = Math.Min(ub, yg);
                }
                else
                {
                    lb = Math.Max(lb, yg);
                }
            }
            else if (atLower)
            {
                if (y[t] == 1)
                {
                    ub = Math.Min(ub, yg);
                }
                else
                {
                    lb = Math.Max(lb, yg);
                }
            }
            else
            {
                free++;
                sumFree += yg;
            }
        }

        return free > 0 ? sumFree / free : (ub + lb) / 2;
    }
}
