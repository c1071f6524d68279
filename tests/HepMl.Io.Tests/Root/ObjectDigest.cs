using System.Collections;
using System.Text;
using HepMl.Io.Root.Objects;

namespace HepMl.Io.Tests.Root;

/// <summary>
/// Counts the leaves of generically read values the way the manifest's <c>digest</c> does: numbers (booleans
/// included, non-finite ones counted apart), their sum, strings and their UTF-8 bytes; TObject's fUniqueID/fBits
/// are not members, so they are left out.
/// </summary>
internal sealed class ObjectDigest
{
    public long NumericLeaves { get; private set; }

    public long NonFiniteLeaves { get; private set; }

    public double NumericSum { get; private set; }

    public long StringLeaves { get; private set; }

    public long StringBytes { get; private set; }

    private double _compensation;

    public void Add(object? value)
    {
        switch (value)
        {
            case null:
                return;
            case string text:
                StringLeaves++;
                StringBytes += Encoding.UTF8.GetByteCount(text);
                return;
            case RootMap map:
                foreach (object? key in map.Keys)
                {
                    Add(key);
                }

                foreach (object? item in map.Values)
                {
                    Add(item);
                }

                return;
            case RootCollection collection:
                foreach (KeyValuePair<string, object?> member in collection.Members)
                {
                    Add(member.Value);
                }

                foreach (object? item in collection.Items)
                {
                    Add(item);
                }

                return;
            case RootObject obj:
                foreach (KeyValuePair<string, object?> member in obj.Members)
                {
                    // uproot keeps a TArray base class's fN but not its values among the members (TH1F : TArrayF).
                    if (member.Key == "fArray" && !obj.ClassName.StartsWith("TArray", StringComparison.Ordinal)
                        && obj.BaseClasses.Any(b => b.StartsWith("TArray", StringComparison.Ordinal)))
                    {
                        continue;
                    }

                    Add(member.Value);
                }

                return;
            case IEnumerable items:
                foreach (object? item in items)
                {
                    Add(item);
                }

                return;
            default:
                double number = ExpectedValues.ToDouble(value);
                NumericLeaves++;
                if (!double.IsFinite(number))
                {
                    NonFiniteLeaves++;
                    return;
                }

                double total = NumericSum + number;
                _compensation += Math.Abs(NumericSum) >= Math.Abs(number) ? (NumericSum - total) + number : (number - total) + NumericSum;
                NumericSum = total;
                return;
        }
    }

    public double Sum => NumericSum + _compensation;
}
