namespace HepMl.Tmva.Import;

/// <summary>What a JSON dump (<c>get_dump(dump_format="json")</c>) does not store and a JSON model does.</summary>
public sealed record XgboostDumpSettings
{
    /// <summary>The objective (default <c>binary:logistic</c>).</summary>
    public string Objective { get; init; } = "binary:logistic";

    /// <summary>The model's <c>base_score</c> (default 0.5, XGBoost 1.x's default).</summary>
    public float BaseScore { get; init; } = 0.5f;

    /// <summary>Feature names in index order, when the dump names features (<c>"split": "pt"</c>).</summary>
    public IReadOnlyList<string>? FeatureNames { get; init; }

    /// <summary>Number of features, when larger than the highest index split on.</summary>
    public int? FeatureCount { get; init; }
}
