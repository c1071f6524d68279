using System.Xml.Linq;
using HepMl.Analysis.Data;
using HepMl.Analysis.LinearModels;
using HepMl.Tmva.Writing;

namespace HepMl.Tmva.Factory.Trainers;

/// <summary>Fisher (TMVA <c>MethodFisher</c>, option <c>Method=Fisher|Mahalanobis</c>) and LD (<c>MethodLD</c>), trained by
/// the classic toolbox's <see cref="FisherDiscriminant"/> and <see cref="LinearDiscriminant"/>.</summary>
internal sealed class LinearTrainer : MethodTrainer
{
    private readonly bool _fisher;
    private FisherMethod _method = FisherMethod.Fisher;

    public LinearTrainer(bool fisher, IReadOnlyList<KeyValuePair<string, string>> options, string context)
    {
        _fisher = fisher;
        var binder = new OptionBinder(context).Ignored("IgnoreNegWeightsInTraining");
        if (fisher)
        {
            binder.Choice("Method", v => _method = Enum.Parse<FisherMethod>(v), "Fisher", "Mahalanobis");
        }

        binder.Apply(options);
    }

    public override string MethodType => _fisher ? "Fisher" : "LD";

    public override IReadOnlyList<(string Name, string Value)> WrittenOptions =>
        _fisher ? [("Method", _method.ToString())] : [];

    public override XElement Train(Dataset training, int seed, IProgress<string>? progress)
    {
        if (_fisher)
        {
            FisherDiscriminant fisher = FisherDiscriminant.Train(training, new FisherOptions { Method = _method });
            Ranking = fisher.FeatureNames.Select((name, i) => (name, fisher.DiscriminatingPower[i])).ToArray();
            return TmvaLinearWriter.FisherWeights([fisher.Offset, .. fisher.Coefficients]);
        }

        LinearDiscriminant ld = LinearDiscriminant.Train(training);
        Ranking = ld.FeatureNames.Select((name, i) => (name, Math.Abs(ld.Coefficients[i]))).ToArray();
        return TmvaLinearWriter.LdWeights([[ld.Offset, .. ld.Coefficients]]);
    }
}
