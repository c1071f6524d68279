namespace HepMl.Tmva.WeightFiles;

/// <summary>One <c>&lt;Option&gt;</c> of a weight file: name, value text and whether it was set by the user.</summary>
/// <param name="Name">Option name as written, e.g. <c>BoostType</c>.</param>
/// <param name="Value">Value text; array options hold their space-separated values.</param>
/// <param name="Modified">True when the training set it explicitly (<c>modified="Yes"</c>).</param>
/// <param name="Size">Number of values of an array option (the <c>size</c> attribute), or null for a scalar.</param>
public sealed record TmvaOption(string Name, string Value, bool Modified, int? Size = null);
