using System.Xml.Linq;
using HepMl.Analysis.Transformations;
using HepMl.Tmva.Pdfs;
using HepMl.Tmva.WeightFiles;

namespace HepMl.Tmva.Transformations;

/// <summary>
/// Reads a weight file's <c>&lt;Transformations&gt;</c> into a <see cref="TransformationChain"/> over the TMVA event
/// vector <c>[variables..., targets..., spectators...]</c> (TMVA: <c>TransformationHandler::ReadFromXML</c> and each
/// <c>Variable*Transform::ReadFromXML</c>).
/// </summary>
internal static class TmvaTransformationReader
{
    public static TransformationChain Read(TmvaWeightFile file)
    {
        int length = file.Variables.Count + file.Targets.Count + file.Spectators.Count;
        XElement? list = file.TransformationsElement;
        if (list is null)
        {
            return TransformationChain.Identity(length);
        }

        var steps = new List<TransformationStep>();
        foreach (XElement transform in list.Elements("Transform"))
        {
            string name = TmvaXml.String(transform, "Name");
            XElement? selection = transform.Element("Selection");
            int[] positions = selection is null ? DefaultPositions(file, transform, name) : ReadSelection(file, selection);
            VariableTransformation transformation = name switch
            {
                "Normalize" => ReadNormalize(transform, positions.Length, selection is null, file),
                "Decorrelation" => ReadDecorrelation(transform, positions.Length),
                "PCA" => ReadPca(transform, positions.Length),
                "Gauss" or "Uniform" => ReadGauss(transform, positions.Length, name, file),
                "Rearrange" => null!,
                _ => throw TmvaXml.Unsupported(transform,
                    $"variable transformation '{name}' is not supported; Normalize, Decorrelation, PCA, Gauss, Uniform and Rearrange are"),
            };
            if (transformation is not null)
            {
                steps.Add(new TransformationStep(transformation, positions));
            }
        }

        int declared = TmvaXml.Int(list, "NTransformations", -1);
        int found = list.Elements("Transform").Count();
        if (declared >= 0 && declared != found)
        {
            throw TmvaXml.Error(list, $"expected {declared} <Transform> elements (NTransformations); found {found}");
        }

        return new TransformationChain(length, steps);
    }

    private static int[] ReadSelection(TmvaWeightFile file, XElement selection)
    {
        XElement input = TmvaXml.Child(selection, "Input");
        XElement output = TmvaXml.Child(selection, "Output");
        int[] inputs = ReadEntries(file, input, "NInputs");
        int[] outputs = ReadEntries(file, output, "NOutputs");
        if (!inputs.SequenceEqual(outputs))
        {
            throw TmvaXml.Unsupported(selection,
                "a transformation whose outputs differ from its inputs (a rearranging selection) is not supported");
        }

        return inputs;
    }

    private static int[] ReadEntries(TmvaWeightFile file, XElement list, string countName)
    {
        var positions = new List<int>();
        foreach (XElement entry in list.Elements())
        {
            string type = TmvaXml.String(entry, "Type");
            string label = entry.Attribute("Label")?.Value ?? "";
            string expression = entry.Attribute("Expression")?.Value ?? "";
            (IReadOnlyList<TmvaVariableInfo> infos, int offset) = type switch
            {
                "Variable" => (file.Variables, 0),
                "Target" => (file.Targets, file.Variables.Count),
                "Spectator" => (file.Spectators, file.Variables.Count + file.Targets.Count),
                _ => throw TmvaXml.Error(entry, $"expected Type Variable, Target or Spectator; found '{type}'"),
            };
            int index = -1;
            for (int i = 0; i < infos.Count; i++)
            {
                if (infos[i].Label == label || infos[i].Expression == expression)
                {
                    index = i;
                    break;
                }
            }

            if (index < 0)
            {
                throw TmvaXml.Error(entry,
                    $"expected the {type.ToLowerInvariant()} '{label}' ('{expression}') to be declared in the file; it is not");
            }

            positions.Add(offset + index);
        }

        int declared = TmvaXml.Int(list, countName, positions.Count);
        if (declared != positions.Count)
        {
            throw TmvaXml.Error(list, $"expected {declared} entries ({countName}); found {positions.Count}");
        }

        if (positions.Count == 0)
        {
            throw TmvaXml.Error(list, "expected at least one selected value; the selection is empty");
        }

        return positions.ToArray();
    }

    private static int[] DefaultPositions(TmvaWeightFile file, XElement transform, string name)
    {
        // Old files without <Selection>: all variables, plus the targets for Normalize (attributes NVariables/NTargets).
        if (name == "Normalize" && TmvaXml.HasAttribute(transform, "NVariables"))
        {
            int variables = TmvaXml.Int(transform, "NVariables");
            int targets = TmvaXml.Int(transform, "NTargets", 0);
            if (variables != file.Variables.Count || targets > file.Targets.Count)
            {
                throw TmvaXml.Error(transform,
                    $"expected NVariables={file.Variables.Count} and NTargets<={file.Targets.Count}; found {variables} and {targets}");
            }

            return Enumerable.Range(0, variables + targets).ToArray();
        }

        return Enumerable.Range(0, file.Variables.Count).ToArray();
    }

    private static Normalisation ReadNormalize(XElement transform, int count, bool oldFormat, TmvaWeightFile file)
    {
        var minimum = new List<float[]>();
        var maximum = new List<float[]>();
        foreach (XElement cls in transform.Elements("Class"))
        {
            int index = TmvaXml.Int(cls, "ClassIndex");
            if (index != minimum.Count)
            {
                throw TmvaXml.Error(cls, $"expected ClassIndex={minimum.Count}; found {index}");
            }

            var min = new float[count];
            var max = new float[count];
            var seen = new bool[count];
            if (!oldFormat)
            {
                foreach (XElement range in TmvaXml.Child(cls, "Ranges").Elements("Range"))
                {
                    int i = TmvaXml.Int(range, "Index");
                    Store(range, i, min, max, seen);
                }
            }
            else
            {
                int variables = file.Variables.Count;
                foreach (XElement v in cls.Element("Variables")?.Elements("Variable") ?? [])
                {
                    Store(v, TmvaXml.Int(v, "VarIndex"), min, max, seen);
                }

                foreach (XElement t in cls.Element("Targets")?.Elements("Target") ?? [])
                {
                    Store(t, variables + TmvaXml.Int(t, "TargetIndex"), min, max, seen);
                }
            }

            int missing = Array.IndexOf(seen, false);
            if (missing >= 0)
            {
                throw TmvaXml.Error(cls, $"expected a range for every selected value; value {missing} has none");
            }

            minimum.Add(min);
            maximum.Add(max);
        }

        if (minimum.Count == 0)
        {
            throw TmvaXml.Error(transform, "expected at least one <Class> with ranges; none was found");
        }

        return new Normalisation(minimum, maximum);

        static void Store(XElement range, int i, float[] min, float[] max, bool[] seen)
        {
            if ((uint)i >= (uint)min.Length)
            {
                throw TmvaXml.Error(range, $"expected an index in [0, {min.Length}); found {i}");
            }

            min[i] = TmvaXml.Float(range, "Min");
            max[i] = TmvaXml.Float(range, "Max");
            seen[i] = true;
        }
    }

    private static Decorrelation ReadDecorrelation(XElement transform, int count)
    {
        var matrices = new List<double[]>();
        foreach (XElement matrix in transform.Elements("Matrix"))
        {
            int rows = TmvaXml.Int(matrix, "Rows"), columns = TmvaXml.Int(matrix, "Columns");
            if (rows != count || columns != count)
            {
                throw TmvaXml.Error(matrix, $"expected a {count}x{count} matrix; found {rows}x{columns}");
            }

            matrices.Add(TmvaXml.Numbers(matrix, count * count, "matrix elements"));
        }

        if (matrices.Count == 0)
        {
            throw TmvaXml.Error(transform, "expected at least one <Matrix>; none was found");
        }

        return new Decorrelation(count, matrices);
    }

    private static PrincipalComponents ReadPca(XElement transform, int count)
    {
        var means = new SortedDictionary<int, double[]>();
        var vectors = new SortedDictionary<int, double[]>();
        foreach (XElement statistics in transform.Elements("Statistics"))
        {
            int rows = TmvaXml.Int(statistics, "NRows");
            if (rows != count)
            {
                throw TmvaXml.Error(statistics, $"expected NRows={count}; found {rows}");
            }

            means[TmvaXml.Int(statistics, "ClassIndex")] = TmvaXml.Numbers(statistics, count, "means");
        }

        foreach (XElement eigen in transform.Elements("Eigenvectors"))
        {
            int rows = TmvaXml.Int(eigen, "NRows"), columns = TmvaXml.Int(eigen, "NCols");
            if (rows != count || columns != count)
            {
                throw TmvaXml.Error(eigen, $"expected a {count}x{count} eigenvector matrix; found {rows}x{columns}");
            }

            vectors[TmvaXml.Int(eigen, "ClassIndex")] = TmvaXml.Numbers(eigen, count * count, "eigenvectors");
        }

        if (means.Count == 0 || !means.Keys.SequenceEqual(vectors.Keys) || means.Keys.Last() != means.Count - 1)
        {
            throw TmvaXml.Error(transform,
                $"expected <Statistics> and <Eigenvectors> for class indices 0..n-1; found [{string.Join(",", means.Keys)}] and [{string.Join(",", vectors.Keys)}]");
        }

        return new PrincipalComponents(count, means.Values.ToArray(), vectors.Values.ToArray());
    }

    private static Gaussianisation ReadGauss(XElement transform, int count, string name, TmvaWeightFile file)
    {
        if (file.TmvaVersionCode <= TmvaVersion.Code(3, 9, 7))
        {
            throw TmvaXml.Unsupported(transform,
                $"Gauss transformations from TMVA releases up to 3.9.7 (this file: '{file.TmvaRelease}') use an old cumulant that is not supported");
        }

        bool flat = name == "Uniform" || string.Equals(transform.Attribute("FlatOrGauss")?.Value, "Flat", StringComparison.Ordinal);
        var perVariable = new List<TabulatedCdf>[count];
        foreach (XElement variable in transform.Elements("Variable"))
        {
            int index = TmvaXml.Int(variable, "VarIndex");
            if ((uint)index >= (uint)count)
            {
                throw TmvaXml.Error(variable, $"expected VarIndex in [0, {count}); found {index}");
            }

            var list = new List<TabulatedCdf>();
            foreach (XElement cls in variable.Elements())
            {
                XElement pdf = cls.Element("PDF") ?? throw TmvaXml.Error(cls, "expected a <PDF> child; none was found");
                list.Add(TmvaPdf.Read(pdf, normalise: false).ToTabulatedCdf(pdf));
            }

            perVariable[index] = list;
        }

        for (int j = 0; j < count; j++)
        {
            if (perVariable[j] is null || perVariable[j].Count == 0)
            {
                throw TmvaXml.Error(transform, $"expected cumulative distributions for selected value {j}; none were found");
            }

            if (perVariable[j].Count != perVariable[0].Count)
            {
                throw TmvaXml.Error(transform,
                    $"expected {perVariable[0].Count} class distributions for every value; value {j} has {perVariable[j].Count}");
            }
        }

        int sets = perVariable[0].Count;
        var distributions = new TabulatedCdf[sets][];
        for (int s = 0; s < sets; s++)
        {
            distributions[s] = new TabulatedCdf[count];
            for (int j = 0; j < count; j++)
            {
                distributions[s][j] = perVariable[j][s];
            }
        }

        return new Gaussianisation(distributions, flat);
    }
}
