using System.Globalization;
using System.Xml.Linq;
using HepMl.Analysis.Data;
using HepMl.Tmva.Writing;

namespace HepMl.Tmva.Factory.Trainers;

/// <summary>
/// TMVA's rectangular cuts (<c>MethodCuts</c>): for 100 signal-efficiency bins the window with the lowest background
/// efficiency, found by random sampling (<c>FitMethod=MC</c>, <c>SampleSize</c>) or sampling plus evolutionary
/// refinement (<c>FitMethod=GA</c>, <c>Steps</c>); written as a TMVA Cuts weight file.
/// </summary>
internal sealed class CutsTrainer : MethodTrainer
{
    private const int Bins = 100;
    private string _fitMethod = "MC";
    private int _samples = 20000;
    private int _steps = 40;
    private int? _seed;

    public CutsTrainer(IReadOnlyList<KeyValuePair<string, string>> options, string context)
    {
        var binder = new OptionBinder(context);
        binder
            .Choice("FitMethod", v => _fitMethod = v, "MC", "GA")
            .Fixed("EffMethod", "EffSel", "efficiencies are counted on the training events")
            .Int("SampleSize", v => _samples = v, 1)
            .Int("Steps", v => _steps = v, 0)
            .Int("Seed", v => _seed = v)
            .Ignored("PopSize", "Cycles", "SC_steps", "SC_rate", "SC_factor", "ConvCrit", "SaveBestGen", "CutRangeMin", "CutRangeMax", "VarProp", "IgnoreNegWeightsInTraining");
        binder.Apply(options);
    }

    public override string MethodType => "Cuts";

    public override IReadOnlyList<(string Name, string Value)> WrittenOptions => [("FitMethod", _fitMethod), ("EffMethod", "EffSel")];

    public override XElement Train(Dataset training, int seed, IProgress<string>? progress)
    {
        var columns = Enumerable.Range(0, training.FeatureCount).Select(j => training.Column(j).ToArray()).ToArray();
        var search = new RectangularCutSearch(columns, training.Labels.ToArray(), training.Weights.ToArray());
        CutWindow[] windows = search.BestPerEfficiencyBin(Bins, _samples, _fitMethod == "GA", _steps * Bins, _seed ?? seed);
        var weights = new XElement("Weights",
            new XAttribute("OptimisationMethod", 0), new XAttribute("FitMethod", _fitMethod == "GA" ? 1 : 0), new XAttribute("nbins", Bins));
        for (int bin = 0; bin < Bins; bin++)
        {
            (double effS, double effB) = search.Efficiencies(windows[bin]);
            var cuts = new XElement("Cuts");
            for (int v = 0; v < training.FeatureCount; v++)
            {
                string i = v.ToString(CultureInfo.InvariantCulture);
                cuts.Add(new XAttribute("cutMin_" + i, TmvaXmlFormat.Number(windows[bin].Minimum[v])));
                cuts.Add(new XAttribute("cutMax_" + i, TmvaXmlFormat.Number(windows[bin].Maximum[v])));
            }

            weights.Add(new XElement("Bin",
                new XAttribute("ibin", bin + 1),
                new XAttribute("effS", TmvaXmlFormat.Number(effS)),
                new XAttribute("effB", TmvaXmlFormat.Number(effB)),
                cuts));
        }

        return weights;
    }
}
