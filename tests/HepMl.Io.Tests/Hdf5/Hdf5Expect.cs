using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HepMl.Io.Hdf5;
using HepMl.TestData;
using NUnit.Framework;

namespace HepMl.Io.Tests.Hdf5;

/// <summary>
/// Compares what HepMl reads with the manifest's figures (computed by libhdf5/numpy): numpy dtype strings, value
/// checks (count, sums, min/max, first/last values, non-finite counts, SHA-256 of the little-endian values),
/// string, compound and variable-length checks, and JSON values of attributes.
/// </summary>
internal static class Hdf5Expect
{
    /// <summary>numpy's <c>dtype.str</c> for a stored type as h5py maps it.</summary>
    public static string NumpyDtype(Hdf5DataType type)
    {
        if (type.IsBoolean)
        {
            return "|b1";
        }

        if (type.IsString)
        {
            return type.IsVariableLengthString ? "|O" : "|S" + type.Size.ToString(CultureInfo.InvariantCulture);
        }

        string order = type.ByteOrder == Hdf5ByteOrder.BigEndian ? ">" : "<";
        return type.Class switch
        {
            Hdf5TypeClass.Enum => NumpyDtype(type.BaseType!),
            Hdf5TypeClass.Integer => (type.Size == 1 ? "|" : order) + (type.IsSigned ? "i" : "u") + type.Size,
            Hdf5TypeClass.Float => order + "f" + type.Size,
            Hdf5TypeClass.VariableLength => "|O",
            Hdf5TypeClass.Compound => "|V" + type.Size,
            _ => "?" + type.Class,
        };
    }

    public static void TypeMatches(JsonElement h5type, Hdf5DataType type, string what)
    {
        string expectedClass = h5type.GetProperty("class").GetString()!;
        Assert.That(type.Class.ToString().ToLowerInvariant() switch
        {
            "variablelength" when type.IsVariableLengthString => "string",
            "variablelength" => "vlen",
            var name => name,
        }, Is.EqualTo(expectedClass), what + " class");
        if (h5type.TryGetProperty("size", out JsonElement size))
        {
            Assert.That(type.Size, Is.EqualTo(size.GetInt32()), what + " size");
        }

        if (h5type.TryGetProperty("order", out JsonElement order))
        {
            Assert.That(type.ByteOrder == Hdf5ByteOrder.BigEndian ? "BE" : "LE", Is.EqualTo(order.GetString()), what + " order");
        }

        if (h5type.TryGetProperty("signed", out JsonElement signed))
        {
            Assert.That(type.IsSigned, Is.EqualTo(signed.GetBoolean()), what + " signed");
        }

        if (h5type.TryGetProperty("cset", out JsonElement cset))
        {
            Assert.That(type.CharacterSet == Hdf5CharacterSet.Utf8 ? "utf-8" : "ascii", Is.EqualTo(cset.GetString()), what + " cset");
            Assert.That(type.StringPadding switch
            {
                Hdf5StringPadding.NullTerminate => "nullterm",
                Hdf5StringPadding.NullPad => "nullpad",
                _ => "spacepad",
            }, Is.EqualTo(h5type.GetProperty("pad").GetString()), what + " pad");
        }

        if (h5type.TryGetProperty("members", out JsonElement members))
        {
            if (members.ValueKind == JsonValueKind.Array)
            {
                Assert.That(type.Members.Select(m => m.Name), Is.EqualTo(members.EnumerateArray().Select(m => m.GetProperty("name").GetString())), what + " members");
                int i = 0;
                foreach (JsonElement member in members.EnumerateArray())
                {
                    Assert.That(type.Members[i].Offset, Is.EqualTo(member.GetProperty("offset").GetInt32()), what + " member offset");
                    TypeMatches(member.GetProperty("type"), type.Members[i].Type, what + "." + type.Members[i].Name);
                    i++;
                }
            }
            else
            {
                var expected = members.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64());
                Assert.That(type.EnumMembers.ToDictionary(m => m.Name, m => m.Value), Is.EqualTo(expected), what + " enum members");
            }
        }

        if (h5type.TryGetProperty("base", out JsonElement baseType))
        {
            TypeMatches(baseType, type.BaseType!, what + " base");
        }
    }

    /// <summary>A numeric column read through HepMl in its own type, flattened.</summary>
    public sealed class Column
    {
        public required int Count { get; init; }

        public required bool IsFloat { get; init; }

        public required bool IsBool { get; init; }

        public required double[] Doubles { get; init; }

        public required BigInteger[] Integers { get; init; }

        public required byte[] LittleEndian { get; init; }

        public static Column From<T>(T[] values)
            where T : unmanaged
        {
            bool isFloat = typeof(T) == typeof(float) || typeof(T) == typeof(double) || typeof(T) == typeof(Half);
            var doubles = new double[values.Length];
            var integers = new BigInteger[isFloat ? 0 : values.Length];
            for (int i = 0; i < values.Length; i++)
            {
                object boxed = values[i];
                doubles[i] = boxed switch
                {
                    bool b => b ? 1 : 0,
                    Half h => (double)h,
                    float f => f,
                    double d => d,
                    _ => (double)Convert.ToDecimal(boxed, CultureInfo.InvariantCulture),
                };
                if (!isFloat)
                {
                    integers[i] = boxed switch
                    {
                        bool b => b ? 1 : 0,
                        ulong u => u,
                        _ => new BigInteger(Convert.ToInt64(boxed, CultureInfo.InvariantCulture)),
                    };
                }
            }

            return new Column
            {
                Count = values.Length,
                IsFloat = isFloat,
                IsBool = typeof(T) == typeof(bool),
                Doubles = doubles,
                Integers = integers,
                LittleEndian = MemoryMarshal.AsBytes(values.AsSpan()).ToArray(),
            };
        }
    }

    /// <summary>Reads numbers in the stored element type through <paramref name="read"/>.</summary>
    public static Column ReadColumn(Hdf5DataType type, INumericRead read)
    {
        Hdf5DataType scalar = type;
        while (scalar.Class == Hdf5TypeClass.Array)
        {
            scalar = scalar.BaseType!;
        }

        if (scalar.IsBoolean)
        {
            return Column.From(read.Read<bool>());
        }

        Hdf5DataType numeric = scalar.Class == Hdf5TypeClass.Enum ? scalar.BaseType! : scalar;
        return (numeric.Class, numeric.Size, numeric.IsSigned) switch
        {
            (Hdf5TypeClass.Float, 2, _) => Column.From(read.Read<Half>()),
            (Hdf5TypeClass.Float, 4, _) => Column.From(read.Read<float>()),
            (Hdf5TypeClass.Float, 8, _) => Column.From(read.Read<double>()),
            (Hdf5TypeClass.Integer, 1, true) => Column.From(read.Read<sbyte>()),
            (Hdf5TypeClass.Integer, 1, false) => Column.From(read.Read<byte>()),
            (Hdf5TypeClass.Integer, 2, true) => Column.From(read.Read<short>()),
            (Hdf5TypeClass.Integer, 2, false) => Column.From(read.Read<ushort>()),
            (Hdf5TypeClass.Integer, 4, true) => Column.From(read.Read<int>()),
            (Hdf5TypeClass.Integer, 4, false) => Column.From(read.Read<uint>()),
            (Hdf5TypeClass.Integer, 8, true) => Column.From(read.Read<long>()),
            (Hdf5TypeClass.Integer, 8, false) => Column.From(read.Read<ulong>()),
            _ => throw new AssertionException($"no numeric reader for {type}"),
        };
    }

    /// <summary>Something that reads numbers of a chosen type (a dataset, a compound member, an attribute).</summary>
    public interface INumericRead
    {
        T[] Read<T>()
            where T : unmanaged;
    }

    public static void NumericChecks(JsonElement checks, Column column, string what)
    {
        Assert.That(column.Count, Is.EqualTo(checks.GetProperty("count").GetInt32()), what + " count");
        if (column.IsFloat)
        {
            double[] finite = column.Doubles.Where(double.IsFinite).ToArray();
            Assert.That(column.Doubles.Count(double.IsNaN), Is.EqualTo(checks.GetProperty("nan_count").GetInt32()), what + " NaN count");
            Assert.That(column.Doubles.Count(double.IsPositiveInfinity), Is.EqualTo(checks.GetProperty("posinf_count").GetInt32()), what + " +inf count");
            Assert.That(column.Doubles.Count(double.IsNegativeInfinity), Is.EqualTo(checks.GetProperty("neginf_count").GetInt32()), what + " -inf count");
            JsonElement absSumElement = checks.GetProperty("abs_sum");
            double absSum = absSumElement.ValueKind == JsonValueKind.Number ? absSumElement.GetDouble() : Math.Abs(checks.GetProperty("sum").GetDouble());
            Tolerance.AssertClose(checks.GetProperty("sum").GetDouble(), finite.Sum(), rel: 0, abs: Math.Max(1e-9 * absSum, 1e-300), what: what + " sum");
            if (finite.Length > 0)
            {
                Assert.That(finite.Min(), Is.EqualTo(checks.GetProperty("min").GetDouble()), what + " min");
                Assert.That(finite.Max(), Is.EqualTo(checks.GetProperty("max").GetDouble()), what + " max");
            }
        }
        else if (column.Count > 0)
        {
            Assert.That(column.Integers.Aggregate(BigInteger.Zero, (a, b) => a + b), Is.EqualTo(BigInteger.Parse(checks.GetProperty("sum_int").GetRawText(), CultureInfo.InvariantCulture)), what + " exact sum");
            Assert.That(ValueEquals(checks.GetProperty("min"), column.IsBool ? column.Integers.Min() == 1 : column.Integers.Min()), Is.True, what + " min");
            Assert.That(ValueEquals(checks.GetProperty("max"), column.IsBool ? column.Integers.Max() == 1 : column.Integers.Max()), Is.True, what + " max");
        }

        object Element(int i) => column.IsBool ? column.Integers[i] == 1 : column.IsFloat ? column.Doubles[i] : column.Integers[i];
        if (checks.TryGetProperty("first3", out JsonElement first3))
        {
            int n = first3.GetArrayLength();
            Assert.That(ValueEquals(first3, Enumerable.Range(0, n).Select(Element).ToArray()), Is.True, what + " first3: " + string.Join(",", Enumerable.Range(0, Math.Min(n, column.Count)).Select(Element)));
            JsonElement last3 = checks.GetProperty("last3");
            int m = last3.GetArrayLength();
            Assert.That(ValueEquals(last3, Enumerable.Range(column.Count - m, m).Select(Element).ToArray()), Is.True, what + " last3");
        }

        if (checks.TryGetProperty("sha256_le", out JsonElement sha))
        {
            Assert.That(Convert.ToHexStringLower(SHA256.HashData(column.LittleEndian)), Is.EqualTo(sha.GetString()), what + " SHA-256 of the values");
        }
    }

    public static void StringChecks(JsonElement checks, string[] values, string what)
    {
        Assert.That(values.Length, Is.EqualTo(checks.GetProperty("count").GetInt32()), what + " count");
        Assert.That(values.Take(3), Is.EqualTo(checks.GetProperty("first3").EnumerateArray().Select(e => e.GetString())), what + " first3");
        Assert.That(values.TakeLast(3), Is.EqualTo(checks.GetProperty("last3").EnumerateArray().Select(e => e.GetString())), what + " last3");
        Assert.That(values.Sum(v => (long)Encoding.UTF8.GetByteCount(v)), Is.EqualTo(checks.GetProperty("total_utf8_bytes").GetInt64()), what + " UTF-8 bytes");
        Assert.That(values.Length == 0 ? 0 : values.Max(v => Encoding.UTF8.GetByteCount(v)), Is.EqualTo(checks.GetProperty("max_utf8_bytes").GetInt32()), what + " max UTF-8 bytes");
    }

    /// <summary>Deep comparison of a manifest JSON value with a HepMl-decoded object (numbers exactly).</summary>
    public static bool ValueEquals(JsonElement expected, object? actual)
    {
        switch (expected.ValueKind)
        {
            case JsonValueKind.Null:
                return actual is null;
            case JsonValueKind.True:
            case JsonValueKind.False:
                return actual is bool b && b == expected.GetBoolean();
            case JsonValueKind.String:
            {
                string text = expected.GetString()!;
                if (actual is double d)
                {
                    return text switch
                    {
                        "NaN" => double.IsNaN(d),
                        "Infinity" => double.IsPositiveInfinity(d),
                        "-Infinity" => double.IsNegativeInfinity(d),
                        _ => false,
                    };
                }

                return actual is string s && s == text;
            }

            case JsonValueKind.Number:
            {
                string raw = expected.GetRawText();
                bool isInteger = !raw.Contains('.') && !raw.Contains('e') && !raw.Contains('E');
                return actual switch
                {
                    double d => isInteger ? (double)BigInteger.Parse(raw, CultureInfo.InvariantCulture) == d : expected.GetDouble().Equals(d),
                    float f => expected.GetDouble().Equals((double)f),
                    long l => isInteger && BigInteger.Parse(raw, CultureInfo.InvariantCulture) == l,
                    ulong u => isInteger && BigInteger.Parse(raw, CultureInfo.InvariantCulture) == u,
                    BigInteger big => isInteger && BigInteger.Parse(raw, CultureInfo.InvariantCulture) == big,
                    _ => false,
                };
            }

            case JsonValueKind.Array:
            {
                if (actual is not System.Collections.IList list || list.Count != expected.GetArrayLength())
                {
                    return false;
                }

                int i = 0;
                foreach (JsonElement item in expected.EnumerateArray())
                {
                    if (!ValueEquals(item, list[i++]))
                    {
                        return false;
                    }
                }

                return true;
            }

            case JsonValueKind.Object:
            {
                if (actual is not IReadOnlyDictionary<string, object?> record)
                {
                    return false;
                }

                int count = 0;
                foreach (JsonProperty property in expected.EnumerateObject())
                {
                    count++;
                    if (!record.TryGetValue(property.Name, out object? value) || !ValueEquals(property.Value, value))
                    {
                        return false;
                    }
                }

                return count == record.Count;
            }

            default:
                return false;
        }
    }

    public static string Describe(object? value) => value switch
    {
        null => "null",
        string s => "\"" + s + "\"",
        IReadOnlyDictionary<string, object?> record => "{" + string.Join(", ", record.Select(p => p.Key + ": " + Describe(p.Value))) + "}",
        System.Collections.IList list => "[" + string.Join(", ", list.Cast<object?>().Select(Describe)) + "]",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "?",
    };
}
