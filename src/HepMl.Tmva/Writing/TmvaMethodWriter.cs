using System.Xml.Linq;
using HepMl.Tmva.Methods;
using HepMl.Tmva.Reader;
using HepMl.Tmva.WeightFiles;

namespace HepMl.Tmva.Writing;

/// <summary>
/// Writes a method read by HepMl back to a weight file (BDT, MLP, Fisher, LD, Likelihood, with the file's
/// transformations), so that reading it again evaluates identically.
/// </summary>
public static class TmvaMethodWriter
{
    /// <summary>The weight file of <paramref name="booked"/>.</summary>
    /// <exception cref="NotSupportedException">The method type cannot be written (Cuts).</exception>
    public static XDocument Write(TmvaBookedMethod booked)
    {
        ArgumentNullException.ThrowIfNull(booked);
        TmvaWeightFile file = booked.WeightFile;
        string varTransform = file.Options.GetString("VarTransform", "None");
        (XElement weights, IReadOnlyList<(string, string)> options, string release) = booked.Method switch
        {
            TmvaBdt bdt => (TmvaBdtWriter.Weights(bdt.Trees, bdt.BoostWeights, bdt.TreeAnalysisType == 1), BdtOptions(bdt, varTransform), TmvaWeightFileWriter.TmvaRelease),
            TmvaMlp mlp => (
                TmvaMlpWriter.Weights(mlp.LayerSizes, Enumerable.Range(0, mlp.LayerSizes.Count - 1).Select(mlp.Weights).ToArray()),
                TmvaMlpWriter.Options(mlp.Activation, mlp.OutputActivation, mlp.NeuronInput, mlp.LayerSizes, varTransform),
                TmvaMlpWriter.ReleaseFor(mlp.Activation)),
            TmvaFisher fisher => (TmvaLinearWriter.FisherWeights(fisher.Coefficients), [("VarTransform", varTransform)], TmvaWeightFileWriter.TmvaRelease),
            TmvaLinearDiscriminant ld => (
                TmvaLinearWriter.LdWeights(Enumerable.Range(0, ld.OutputCount).Select(ld.Coefficients).ToArray()),
                [("VarTransform", varTransform)], TmvaWeightFileWriter.TmvaRelease),
            TmvaLikelihood likelihood => (
                TmvaLikelihoodWriter.Weights(likelihood.SignalPdfs, likelihood.BackgroundPdfs),
                [("VarTransform", varTransform), ("TransformOutput", TmvaXmlFormat.OptionBool(likelihood.TransformOutput))],
                TmvaWeightFileWriter.TmvaRelease),
            _ => throw new NotSupportedException($"writing {booked.Method.MethodType} weight files is not supported"),
        };

        TmvaHeader header = TmvaBdtWriter.HeaderOf(file, RemoveSpectators(booked), options);
        header = new TmvaHeader(header.MethodType, header.MethodTitle, header.AnalysisType, header.Variables)
        {
            Spectators = header.Spectators,
            Targets = header.Targets,
            ClassNames = header.ClassNames,
            Options = header.Options,
            Transformations = header.Transformations,
            TmvaRelease = release,
        };
        return TmvaWeightFileWriter.Build(header, weights);
    }

    private static IReadOnlyList<(string, string)> BdtOptions(TmvaBdt bdt, string varTransform)
    {
        var options = TmvaBdtWriter.Options(bdt.BoostType, varTransform, bdt.Trees.Count).ToList();
        if (!bdt.UseWeightedTrees)
        {
            options.Add(("UseWeightedTrees", "False"));
        }

        return options;
    }

    /// <summary>The chain over [variables, targets] (the writer does not write spectator transformations).</summary>
    private static Analysis.Transformations.TransformationChain? RemoveSpectators(TmvaBookedMethod booked)
    {
        var chain = booked.Transformations;
        int length = booked.WeightFile.Variables.Count + booked.WeightFile.Targets.Count;
        if (chain.IsIdentity)
        {
            return null;
        }

        if (chain.Steps.Any(s => s.Positions.Any(p => p >= length)))
        {
            throw new NotSupportedException("transformations acting on spectators cannot be written");
        }

        return new Analysis.Transformations.TransformationChain(length, chain.Steps);
    }
}
