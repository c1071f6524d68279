using HepMl.Io;
using HepMl.Tmva.Methods;
using HepMl.Tmva.WeightFiles;

namespace HepMl.Tmva.Reader;

/// <summary>Creates the <see cref="TmvaMethod"/> named by a weight file's <c>Method</c> attribute.</summary>
public static class TmvaMethodFactory
{
    /// <summary>Method types this reader evaluates.</summary>
    public static IReadOnlyList<string> SupportedMethods { get; } = ["BDT", "MLP", "Fisher", "LD", "Likelihood", "Cuts"];

    /// <summary>Builds the method of <paramref name="file"/>.</summary>
    /// <exception cref="UnsupportedFormatException">The method type (or one of its options) is not supported; the
    /// message names it.</exception>
    /// <exception cref="HepMlFormatException">The weights are malformed.</exception>
    public static TmvaMethod Create(TmvaWeightFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return file.MethodType switch
        {
            "BDT" => new TmvaBdt(file),
            "MLP" => new TmvaMlp(file),
            "Fisher" => new TmvaFisher(file),
            "LD" => new TmvaLinearDiscriminant(file),
            "Likelihood" => new TmvaLikelihood(file),
            "Cuts" => new TmvaCuts(file),
            _ => throw new UnsupportedFormatException(
                $"TMVA method '{file.MethodType}' ({file.MethodType}::{file.MethodTitle}) is not supported; supported methods: "
                + string.Join(", ", SupportedMethods), file.FilePath, objectPath: "MethodSetup"),
        };
    }
}
