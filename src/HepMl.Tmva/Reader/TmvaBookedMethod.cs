using System.Buffers;
using HepMl.Analysis.Transformations;
using HepMl.Tmva.Methods;
using HepMl.Tmva.Transformations;
using HepMl.Tmva.WeightFiles;

namespace HepMl.Tmva.Reader;

/// <summary>
/// One weight file booked in a <see cref="TmvaReader"/>: the method, its transformation chain and the mapping from
/// the reader's variable order to the file's. Immutable and thread-safe; every evaluation uses its own scratch
/// memory.
/// </summary>
public sealed class TmvaBookedMethod
{
    /// <summary>The value TMVA returns when an input is NaN.</summary>
    public const double NaNResponse = -999;

    private const int ChunkRows = 1024;

    private readonly int[] _inputOrder; // file variable i reads reader value _inputOrder[i]
    private readonly bool _identityOrder;
    private readonly int _eventLength;
    private readonly int _signalClass;
    private readonly int _backgroundClass;

    internal TmvaBookedMethod(string tag, TmvaWeightFile file, IReadOnlyList<string> readerVariables)
    {
        Tag = tag;
        WeightFile = file;
        Method = TmvaMethodFactory.Create(file);
        Transformations = TmvaTransformationReader.Read(file);
        _inputOrder = TmvaInputBinding.Bind(file, readerVariables);
        _identityOrder = _inputOrder.Select((source, i) => source == i).All(x => x) && readerVariables.Count == file.Variables.Count;
        InputCount = readerVariables.Count == 0 ? file.Variables.Count : readerVariables.Count;
        _eventLength = Transformations.Length;
        _signalClass = file.SignalClassIndex;
        _backgroundClass = file.BackgroundClassIndex;
    }

    /// <summary>The tag it was booked under.</summary>
    public string Tag { get; }

    /// <summary>The weight file.</summary>
    public TmvaWeightFile WeightFile { get; }

    /// <summary>The method.</summary>
    public TmvaMethod Method { get; }

    /// <summary>The input transformations applied before the method.</summary>
    public TransformationChain Transformations { get; }

    /// <summary>Number of values an event passed to this method must hold (the reader's variables).</summary>
    public int InputCount { get; }

    /// <summary>
    /// The method's response for one event (TMVA: <c>Reader::EvaluateMVA</c>): -999 when an input is NaN. For a
    /// regression method this is the first target (as <see cref="EvaluateRegression"/>), for a multi-class method the
    /// probability of class 0.
    /// </summary>
    /// <param name="values">The event's values in the reader's variable order.</param>
    /// <param name="auxiliary">TMVA's <c>aux</c>: the signal efficiency for Cuts (0 gives 0), unused otherwise.</param>
    /// <exception cref="ArgumentException"><paramref name="values"/> is shorter than <see cref="InputCount"/>.</exception>
    public double Evaluate(ReadOnlySpan<float> values, double auxiliary = 0)
    {
        CheckInput(values.Length);
        if (Method.AnalysisType == TmvaAnalysisType.Regression)
        {
            return HasNaN(values[..InputCount]) ? NaNResponse : EvaluateRegression(values)[0];
        }

        Span<double> outputs = stackalloc double[Math.Max(Method.OutputCount, 1)];
        if (!EvaluateCore(values, auxiliary, outputs))
        {
            return NaNResponse;
        }

        return outputs[0];
    }

    /// <summary>The class probabilities of a multi-class method (TMVA: <c>EvaluateMulticlass</c>).</summary>
    /// <exception cref="InvalidOperationException">The method is not multi-class.</exception>
    public float[] EvaluateMulticlass(ReadOnlySpan<float> values)
    {
        if (Method.AnalysisType != TmvaAnalysisType.Multiclass)
        {
            throw new InvalidOperationException($"{Tag} is a {Method.AnalysisType} method; EvaluateMulticlass needs a multi-class one");
        }

        CheckInput(values.Length);
        var outputs = new double[Method.OutputCount];
        var result = new float[outputs.Length];
        if (!EvaluateCore(values, 0, outputs))
        {
            result.AsSpan().Fill(float.NaN);
            return result;
        }

        for (int i = 0; i < outputs.Length; i++)
        {
            result[i] = (float)outputs[i];
        }

        return result;
    }

    /// <summary>The regression targets, after the inverse target transformation (TMVA: <c>EvaluateRegression</c>).</summary>
    /// <exception cref="InvalidOperationException">The method is not a regression.</exception>
    /// <exception cref="NotSupportedException">A transformation acting on the targets has no inverse.</exception>
    public float[] EvaluateRegression(ReadOnlySpan<float> values)
    {
        if (Method.AnalysisType != TmvaAnalysisType.Regression)
        {
            throw new InvalidOperationException($"{Tag} is a {Method.AnalysisType} method; EvaluateRegression needs a regression one");
        }

        CheckInput(values.Length);
        int targets = WeightFile.Targets.Count;
        Span<float> raw = stackalloc float[_eventLength];
        Span<float> transformed = stackalloc float[_eventLength];
        var outputs = new double[Math.Max(Method.OutputCount, targets)];
        Fill(values, raw);
        Transformations.Transform(raw, transformed);
        Method.Evaluate(transformed, 0, outputs);
        int variables = WeightFile.Variables.Count;
        for (int t = 0; t < targets; t++)
        {
            transformed[variables + t] = (float)outputs[t];
        }

        InverseTargetTransform(transformed);
        var result = new float[targets];
        for (int t = 0; t < targets; t++)
        {
            result[t] = transformed[variables + t];
        }

        return result;
    }

    /// <summary>
    /// Evaluates many events stored row-major (<see cref="InputCount"/> values per event) into
    /// <paramref name="responses"/>, one per event, on up to <paramref name="maxDegreeOfParallelism"/> threads.
    /// </summary>
    /// <exception cref="ArgumentException">The input length is not a multiple of <see cref="InputCount"/> or the
    /// destination is too short.</exception>
    public void EvaluateBatch(ReadOnlySpan<float> values, Span<double> responses, double auxiliary = 0, int maxDegreeOfParallelism = 1)
    {
        int rows = CheckBatch(values.Length, responses.Length);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDegreeOfParallelism, 1);
        if (maxDegreeOfParallelism == 1 || rows < 2 * ChunkRows)
        {
            EvaluateRows(values, 0, rows, auxiliary, responses);
            return;
        }

        unsafe
        {
            fixed (float* input = values)
            fixed (double* output = responses)
            {
                float* inputPointer = input;
                double* outputPointer = output;
                int width = InputCount;
                int chunks = (rows + ChunkRows - 1) / ChunkRows;
                Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, chunk =>
                {
                    int start = chunk * ChunkRows;
                    int count = Math.Min(ChunkRows, rows - start);
                    var slice = new ReadOnlySpan<float>(inputPointer + ((long)start * width), count * width);
                    var destination = new Span<double>(outputPointer + start, count);
                    EvaluateRows(slice, 0, count, auxiliary, destination);
                });
            }
        }
    }

    /// <summary>As <see cref="EvaluateBatch(ReadOnlySpan{float}, Span{double}, double, int)"/> with single-precision results.</summary>
    public void EvaluateBatch(ReadOnlySpan<float> values, Span<float> responses, double auxiliary = 0, int maxDegreeOfParallelism = 1)
    {
        int rows = CheckBatch(values.Length, responses.Length);
        double[] buffer = ArrayPool<double>.Shared.Rent(rows);
        try
        {
            EvaluateBatch(values, buffer.AsSpan(0, rows), auxiliary, maxDegreeOfParallelism);
            for (int i = 0; i < rows; i++)
            {
                responses[i] = (float)buffer[i];
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }

    private void EvaluateRows(ReadOnlySpan<float> values, int first, int count, double auxiliary, Span<double> responses)
    {
        int width = InputCount;
        if (Method.AnalysisType == TmvaAnalysisType.Regression)
        {
            for (int i = 0; i < count; i++)
            {
                ReadOnlySpan<float> row = values.Slice((first + i) * width, width);
                responses[first + i] = HasNaN(row) ? NaNResponse : EvaluateRegression(row)[0];
            }

            return;
        }

        if (Method.OutputCount != 1 || Method.UsesClassSpecificInputs)
        {
            Span<double> outputs = stackalloc double[Math.Max(Method.OutputCount, 1)];
            for (int i = 0; i < count; i++)
            {
                ReadOnlySpan<float> row = values.Slice((first + i) * width, width);
                responses[first + i] = EvaluateCore(row, auxiliary, outputs) ? outputs[0] : NaNResponse;
            }

            return;
        }

        int length = _eventLength;
        for (int start = 0; start < count; start += ChunkRows)
        {
            int n = Math.Min(ChunkRows, count - start);
            float[] events = ArrayPool<float>.Shared.Rent(n * length);
            try
            {
                bool anyNaN = false;
                Span<float> transformed = events.AsSpan(0, n * length);
                for (int i = 0; i < n; i++)
                {
                    ReadOnlySpan<float> row = values.Slice((first + start + i) * width, width);
                    Span<float> target = transformed.Slice(i * length, length);
                    Fill(row, target);
                    if (!Transformations.IsIdentity)
                    {
                        Transformations.Transform(target, target);
                    }

                    anyNaN |= HasNaN(target[..Method.VariableCount]) || HasNaN(row);
                }

                Span<double> destination = responses.Slice(first + start, n);
                Method.EvaluateBatch(transformed, n, length, auxiliary, destination);
                if (anyNaN)
                {
                    for (int i = 0; i < n; i++)
                    {
                        ReadOnlySpan<float> row = values.Slice((first + start + i) * width, width);
                        if (HasNaN(transformed.Slice(i * length, Method.VariableCount)) || HasNaN(row))
                        {
                            destination[i] = NaNResponse;
                        }
                    }
                }
            }
            finally
            {
                ArrayPool<float>.Shared.Return(events);
            }
        }
    }

    private bool EvaluateCore(ReadOnlySpan<float> values, double auxiliary, Span<double> outputs)
    {
        int length = _eventLength;
        Span<float> raw = length <= 256 ? stackalloc float[length] : new float[length];
        Fill(values, raw);
        if (HasNaN(raw[..Method.VariableCount]))
        {
            return false;
        }

        Span<float> transformed = length <= 256 ? stackalloc float[length] : new float[length];
        if (Method.UsesClassSpecificInputs)
        {
            Span<float> background = length <= 256 ? stackalloc float[length] : new float[length];
            Transformations.Transform(raw, transformed, _signalClass);
            Transformations.Transform(raw, background, _backgroundClass);
            Method.Evaluate(transformed, background, outputs);
            return true;
        }

        Transformations.Transform(raw, transformed);
        if (HasNaN(transformed[..Method.VariableCount]))
        {
            return false;
        }

        Method.Evaluate(transformed, auxiliary, outputs);
        return true;
    }

    /// <summary>
    /// TMVA's <c>TransformationHandler::InverseTransform</c> as the Reader runs it on regression outputs: only steps
    /// acting on targets are inverted, each on the transformed event, and the earliest such step's result is kept.
    /// </summary>
    private void InverseTargetTransform(Span<float> transformed)
    {
        int variables = WeightFile.Variables.Count, targets = WeightFile.Targets.Count;
        foreach (TransformationStep step in Transformations.Steps)
        {
            if (!step.Positions.Any(p => p >= variables && p < variables + targets))
            {
                continue;
            }

            var single = new TransformationChain(Transformations.Length, [step]);
            single.InverseTransform(transformed, transformed);
            return;
        }
    }

    private void Fill(ReadOnlySpan<float> values, Span<float> eventVector)
    {
        eventVector.Clear();
        if (_identityOrder)
        {
            values[.._inputOrder.Length].CopyTo(eventVector);
            return;
        }

        for (int i = 0; i < _inputOrder.Length; i++)
        {
            eventVector[i] = values[_inputOrder[i]];
        }
    }

    private static bool HasNaN(ReadOnlySpan<float> values)
    {
        foreach (float v in values)
        {
            if (float.IsNaN(v))
            {
                return true;
            }
        }

        return false;
    }

    private void CheckInput(int length)
    {
        if (length < InputCount)
        {
            throw new ArgumentException($"{Tag} needs {InputCount} input values per event; got {length}", "values");
        }
    }

    private int CheckBatch(int valueCount, int destinationLength)
    {
        if (valueCount % InputCount != 0)
        {
            throw new ArgumentException(
                $"{valueCount} values is not a whole number of events of {InputCount} values for {Tag}", "values");
        }

        int rows = valueCount / InputCount;
        if (destinationLength < rows)
        {
            throw new ArgumentException($"the destination holds {destinationLength} values; {rows} events need {rows}", "responses");
        }

        return rows;
    }
}
