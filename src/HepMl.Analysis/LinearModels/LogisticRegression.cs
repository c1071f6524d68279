using HepMl.Analysis.Classic;
using HepMl.Analysis.Classic.Internal;
using HepMl.Analysis.Data;

namespace HepMl.Analysis.LinearModels;

/// <summary>
/// Binary logistic regression P(signal | x) = σ(b + βᵀx), fitted by minimising C·Σ wᵢ ℓᵢ + R(β) with the
/// log-loss ℓ and an L2 (½‖β‖²) or L1 (‖β‖₁) penalty on β (not on b).
/// </summary>
/// <remarks>
/// The objective is scikit-learn's <c>LogisticRegression(penalty, C)</c> with <c>sample_weight</c> (lbfgs/saga
/// solvers, which leave the intercept unpenalised). It is minimised by Newton's method with a backtracking line
/// search; with L1 each Newton step solves the penalised quadratic model by cyclic coordinate descent (proximal
/// Newton, as newGLMNET). Both converge to the exact optimum. Weights must be non-negative (a negative weight makes
/// the objective unbounded). Features are used as given: standardise them first when their scales differ widely.
/// </remarks>
public sealed class LogisticRegression : IEventScorer
{
    private const string MethodName = "logistic regression";

    private LogisticRegression(string[] names, double[] coefficients, double intercept, int iterations, double objective)
    {
        FeatureNames = names;
        Coefficients = coefficients;
        Intercept = intercept;
        Iterations = iterations;
        Objective = objective;
    }

    /// <inheritdoc/>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>β per feature (scikit-learn: <c>coef_[0]</c>).</summary>
    public IReadOnlyList<double> Coefficients { get; }

    /// <summary>b (scikit-learn: <c>intercept_[0]</c>).</summary>
    public double Intercept { get; }

    /// <summary>Newton steps taken.</summary>
    public int Iterations { get; }

    /// <summary>The minimised objective C·Σ wᵢ ℓᵢ + R(β).</summary>
    public double Objective { get; }

    /// <summary>Trains with the default L2 penalty and C = 1.</summary>
    /// <inheritdoc cref="Train(Dataset, LogisticRegressionOptions)"/>
    public static LogisticRegression Train(Dataset data) => Train(data, new LogisticRegressionOptions());

    /// <summary>Trains on labelled events (1 signal, 0 background) with their weights.</summary>
    /// <exception cref="ArgumentException">The dataset is empty, has a NaN feature, lacks labels, holds one class, has a negative weight, or an option is out of range.</exception>
    /// <exception cref="ConvergenceException">The iteration limit was reached (e.g. separable data without penalty).</exception>
    public static LogisticRegression Train(Dataset data, LogisticRegressionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        TrainingInput.RequireNonEmpty(data, MethodName);
        TrainingInput.RequireBinaryLabels(data, MethodName);
        TrainingInput.RequireFinite(data, MethodName);
        TrainingInput.RequireNonNegativeWeights(data, MethodName);
        if (!(options.InverseRegularization > 0) || double.IsInfinity(options.InverseRegularization))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.InverseRegularization, $"{MethodName}: InverseRegularization (C) must be positive and finite");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaximumIterations, 1, nameof(options));
        var solver = new NewtonSolver(data, options);
        return solver.Run();
    }

    /// <summary>The linear predictor b + βᵀx (log-odds) of one event.</summary>
    public double DecisionFunction(ReadOnlySpan<float> features) => LinearScoring.Evaluate(features, Coefficients, Intercept, MethodName);

    /// <summary>P(signal | x) of one event.</summary>
    public float Score(ReadOnlySpan<float> features) => (float)Sigmoid(DecisionFunction(features));

    /// <summary>P(signal | x) of every event.</summary>
    public float[] Score(Dataset data)
    {
        double[] z = LinearScoring.Evaluate(data, FeatureNames, Coefficients, Intercept, MethodName);
        var result = new float[z.Length];
        for (int i = 0; i < z.Length; i++)
        {
            result[i] = (float)Sigmoid(z[i]);
        }

        return result;
    }

    internal static double Sigmoid(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));

    /// <summary>log(1 + exp(z)) without overflow.</summary>
    internal static double Softplus(double z) => z > 0 ? z + Math.Log(1 + Math.Exp(-z)) : Math.Log(1 + Math.Exp(z));

    private sealed class NewtonSolver
    {
        private readonly double[] _x; // row-major [n, p] with a leading 1 per row
        private readonly double[] _y;
        private readonly double[] _w;
        private readonly int _n;
        private readonly int _p;
        private readonly double _c;
        private readonly LogisticRegressionOptions _options;
        private readonly string[] _names;

        public NewtonSolver(Dataset data, LogisticRegressionOptions options)
        {
            _n = data.RowCount;
            _p = data.FeatureCount + 1;
            _c = options.InverseRegularization;
            _options = options;
            _names = [.. data.FeatureNames];
            _x = new double[_n * _p];
            _y = new double[_n];
            _w = new double[_n];
            for (int i = 0; i < _n; i++)
            {
                _x[i * _p] = 1;
                _y[i] = data.Labels[i];
                _w[i] = data.Weights[i];
            }

            for (int k = 0; k < data.FeatureCount; k++)
            {
                ReadOnlySpan<float> column = data.Column(k);
                for (int i = 0; i < _n; i++)
                {
                    _x[(i * _p) + k + 1] = column[i];
                }
            }
        }

        public LogisticRegression Run()
        {
            var beta = new double[_p];
            var z = new double[_n];
            var gradient = new double[_p];
            var hessian = new double[_p * _p];
            double objective = Objective(beta, z);
            for (int iteration = 1; iteration <= _options.MaximumIterations; iteration++)
            {
                Derivatives(z, gradient, hessian);
                double[] step = _options.Penalty == RegularizationPenalty.L1
                    ? L1Step(beta, gradient, hessian)
                    : SmoothStep(beta, gradient, hessian);

                // Backtracking line search on the true objective.
                double t = 1, candidateObjective = double.NaN;
                var candidate = new double[_p];
                var candidateZ = new double[_n];
                for (int halvings = 0; halvings < 60; halvings++)
                {
                    for (int k = 0; k < _p; k++)
                    {
                        candidate[k] = beta[k] + (t * step[k]);
                    }

                    candidateObjective = Objective(candidate, candidateZ);
                    if (candidateObjective <= objective + (1e-12 * Math.Abs(objective)))
                    {
                        break;
                    }

                    t *= 0.5;
                }

                double largest = 0;
                for (int k = 0; k < _p; k++)
                {
                    largest = Math.Max(largest, Math.Abs(t * step[k]));
                }

                if (candidateObjective <= objective + (1e-12 * Math.Abs(objective)))
                {
                    Array.Copy(candidate, beta, _p);
                    Array.Copy(candidateZ, z, _n);
                    objective = candidateObjective;
                }

                if (largest <= _options.Tolerance * Math.Max(1, MaxAbs(beta)))
                {
                    return new LogisticRegression(_names, beta[1..], beta[0], iteration, objective);
                }
            }

            throw new ConvergenceException(
                $"{MethodName}: no convergence after {_options.MaximumIterations} Newton steps (penalty {_options.Penalty}, C = {_c}); " +
                "the classes may be separable without a penalty; use L2/L1 or a smaller C");
        }

        private double Objective(double[] beta, double[] z)
        {
            double loss = 0;
            for (int i = 0; i < _n; i++)
            {
                double s = 0;
                int row = i * _p;
                for (int k = 0; k < _p; k++)
                {
                    s += _x[row + k] * beta[k];
                }

                z[i] = s;
                loss += _w[i] * (Softplus(s) - (_y[i] * s));
            }

            double penalty = 0;
            for (int k = 1; k < _p; k++)
            {
                penalty += _options.Penalty switch
                {
                    RegularizationPenalty.L2 => 0.5 * beta[k] * beta[k],
                    RegularizationPenalty.L1 => Math.Abs(beta[k]),
                    _ => 0,
                };
            }

            return (_c * loss) + penalty;
        }

        /// <summary>Gradient and Hessian of C·Σ wᵢ ℓᵢ (the smooth part).</summary>
        private void Derivatives(double[] z, double[] gradient, double[] hessian)
        {
            Array.Clear(gradient);
            Array.Clear(hessian);
            for (int i = 0; i < _n; i++)
            {
                double prob = Sigmoid(z[i]);
                double g = _c * _w[i] * (prob - _y[i]);
                double h = _c * _w[i] * Math.Max(prob * (1 - prob), 1e-12);
                int row = i * _p;
                for (int k = 0; k < _p; k++)
                {
                    double xk = _x[row + k];
                    gradient[k] += g * xk;
                    double hx = h * xk;
                    for (int l = k; l < _p; l++)
                    {
                        hessian[(k * _p) + l] += hx * _x[row + l];
                    }
                }
            }

            for (int k = 0; k < _p; k++)
            {
                for (int l = 0; l < k; l++)
                {
                    hessian[(k * _p) + l] = hessian[(l * _p) + k];
                }
            }
        }

        private double[] SmoothStep(double[] beta, double[] gradient, double[] hessian)
        {
            var h = (double[])hessian.Clone();
            var g = (double[])gradient.Clone();
            if (_options.Penalty == RegularizationPenalty.L2)
            {
                for (int k = 1; k < _p; k++)
                {
                    h[(k * _p) + k] += 1;
                    g[k] += beta[k];
                }
            }

            for (int k = 0; k < _p; k++)
            {
                h[(k * _p) + k] += 1e-12 * Math.Max(1, h[(k * _p) + k]); // keeps a flat direction solvable
                g[k] = -g[k];
            }

            return DenseMatrix.Solve(h, _p, g, 1, $"{MethodName}: the Newton Hessian");
        }

        /// <summary>Minimises gᵀδ + ½δᵀHδ + Σ_k≥1 |β_k + δ_k| by cyclic coordinate descent.</summary>
        private double[] L1Step(double[] beta, double[] gradient, double[] hessian)
        {
            var delta = new double[_p];
            var hDelta = new double[_p]; // H δ, kept up to date
            for (int sweep = 0; sweep < 10_000; sweep++)
            {
                double largest = 0;
                for (int k = 0; k < _p; k++)
                {
                    double hkk = hessian[(k * _p) + k] + 1e-12;
                    double linear = gradient[k] + hDelta[k] - (hkk * delta[k]); // derivative part without δ_k's own term
                    double updated;
                    if (k == 0)
                    {
                        updated = -linear / hkk;
                    }
                    else
                    {
                        // minimise ½ hkk u² + linear u + |β_k + u| over u.
                        double target = beta[k] - (linear / hkk);
                        double shrunk = Math.Sign(target) * Math.Max(Math.Abs(target) - (1 / hkk), 0);
                        updated = shrunk - beta[k];
                    }

                    double change = updated - delta[k];
                    if (change != 0)
                    {
                        for (int l = 0; l < _p; l++)
                        {
                            hDelta[l] += hessian[(l * _p) + k] * change;
                        }

                        delta[k] = updated;
                        largest = Math.Max(largest, Math.Abs(change));
                    }
                }

                if (largest <= 1e-14 * Math.Max(1, MaxAbs(beta)))
                {
                    break;
                }
            }

            return delta;
        }

        private static double MaxAbs(double[] values)
        {
            double m = 0;
            foreach (double v in values)
            {
                m = Math.Max(m, Math.Abs(v));
            }

            return m;
        }
    }
}
