namespace HepMl.Tmva.Factory;

/// <summary>The options of <c>PrepareTrainingAndTestTree</c> (TMVA <c>DataSetFactory</c>).</summary>
internal sealed record TmvaSplitOptions(string Mode, int Seed, int TrainSignal, int TestSignal, int TrainBackground, int TestBackground, string Normalisation)
{
    public static TmvaSplitOptions Parse(string options, string context)
    {
        string mode = "Random", norm = "NumEvents";
        int seed = 100, trainS = 0, testS = 0, trainB = 0, testB = 0;
        new OptionBinder(context)
            .Choice("SplitMode", v => mode = v, "Random", "Alternate", "Block")
            .Choice("MixMode", _ => { }, "SameAsSplitMode", "Random", "Alternate", "Block")
            .Int("SplitSeed", v => seed = v, 0)
            .Int("nTrain_Signal", v => trainS = v, 0)
            .Int("nTest_Signal", v => testS = v, 0)
            .Int("nTrain_Background", v => trainB = v, 0)
            .Int("nTest_Background", v => testB = v, 0)
            .Choice("NormMode", v => norm = v, "NumEvents", "EqualNumEvents", "None")
            .Ignored("ScaleWithPreselEff", "CorrelationMatrix")
            .Apply(TmvaOptionString.Parse(options, context));
        return new TmvaSplitOptions(mode, seed, trainS, testS, trainB, testB, norm);
    }
}
