using System.Collections;
using System.Text.Encodings.Web;
using System.Text.Json;
using HepMl.Io.Root.Objects;

namespace HepMl.Io.Inspection;

/// <summary>
/// Writes a <see cref="FileDescription"/> as the JSON of <c>hepml describe --json</c>:
/// <c>{"file", "format", "objects": [{"path", "class", "entries", "columns": [{"name", "type", "entries",
/// "count", "sum", "min", "max", "first"}]}, {"path", "class", "bins", "low", "high", "sum", "entries"}]}</c>.
/// Non-finite numbers are written as the strings "NaN", "Infinity", "-Infinity" (JSON has no literal for them).
/// </summary>
public static class DescriptionJsonWriter
{
    /// <summary>Writes <paramref name="description"/> to <paramref name="stream"/>, indented when asked.</summary>
    public static void Write(FileDescription description, Stream stream, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(stream);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions
        {
            Indented = indented,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
        json.WriteStartObject();
        json.WriteString("file", description.File);
        json.WriteString("format", description.Format);
        json.WriteStartArray("objects");
        foreach (ObjectSummary summary in description.Objects)
        {
            WriteObject(json, summary);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>The JSON text of <paramref name="description"/>.</summary>
    public static string ToJson(FileDescription description, bool indented = true)
    {
        using var stream = new MemoryStream();
        Write(description, stream, indented);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteObject(Utf8JsonWriter json, ObjectSummary summary)
    {
        json.WriteStartObject();
        json.WriteString("path", summary.Path);
        json.WriteString("class", summary.ClassName);
        switch (summary)
        {
            case TableSummary table:
                json.WriteNumber("entries", table.Entries);
                json.WriteStartArray("columns");
                foreach (ColumnSummary column in table.Columns)
                {
                    WriteColumn(json, column);
                }

                json.WriteEndArray();
                break;
            case DatasetSummary dataset:
                json.WriteString("type", dataset.Type);
                if (dataset.Shape is null)
                {
                    json.WriteNull("shape");
                }
                else
                {
                    json.WriteStartArray("shape");
                    foreach (long dimension in dataset.Shape)
                    {
                        json.WriteNumberValue(dimension);
                    }

                    json.WriteEndArray();
                }

                json.WriteNumber("count", dataset.Count);
                WriteOptional(json, "sum", dataset.Sum);
                WriteOptional(json, "min", dataset.Min);
                WriteOptional(json, "max", dataset.Max);
                json.WriteStartArray("first");
                foreach (object? value in dataset.First)
                {
                    WriteValue(json, value, 0);
                }

                json.WriteEndArray();
                break;
            case HistogramSummary histogram:
                json.WriteStartArray("bins");
                foreach (int bins in histogram.Bins)
                {
                    json.WriteNumberValue(bins);
                }

                json.WriteEndArray();
                WriteNumbers(json, "low", histogram.Low);
                WriteNumbers(json, "high", histogram.High);
                json.WritePropertyName("sum");
                WriteNumber(json, histogram.Sum);
                json.WritePropertyName("entries");
                WriteNumber(json, histogram.Entries);
                break;
        }

        json.WriteEndObject();
    }

    private static void WriteColumn(Utf8JsonWriter json, ColumnSummary column)
    {
        json.WriteStartObject();
        json.WriteString("name", column.Name);
        json.WriteString("type", column.Type);
        json.WriteNumber("entries", column.Entries);
        json.WriteNumber("count", column.Count);
        WriteOptional(json, "sum", column.Sum);
        WriteOptional(json, "min", column.Min);
        WriteOptional(json, "max", column.Max);
        json.WriteStartArray("first");
        foreach (object? value in column.First)
        {
            WriteValue(json, value, 0);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, double? value)
    {
        json.WritePropertyName(name);
        if (value is null)
        {
            json.WriteNullValue();
        }
        else
        {
            WriteNumber(json, value.Value);
        }
    }

    private static void WriteNumbers(Utf8JsonWriter json, string name, IReadOnlyList<double> values)
    {
        json.WriteStartArray(name);
        foreach (double value in values)
        {
            WriteNumber(json, value);
        }

        json.WriteEndArray();
    }

    private static void WriteNumber(Utf8JsonWriter json, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumberValue(value);
        }
        else
        {
            json.WriteStringValue(double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
        }
    }

    /// <summary>A first-entries value: numbers, strings, nested lists; objects by class name only.</summary>
    private static void WriteValue(Utf8JsonWriter json, object? value, int depth)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case bool flag:
                json.WriteBooleanValue(flag);
                break;
            case string text:
                json.WriteStringValue(text);
                break;
            case float single when float.IsFinite(single):
                json.WriteNumberValue(single);
                break;
            case float single:
                WriteNumber(json, single);
                break;
            case double number:
                WriteNumber(json, number);
                break;
            case sbyte or byte or short or ushort or int:
                json.WriteNumberValue(Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case uint or long:
                json.WriteNumberValue(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case ulong unsigned:
                json.WriteNumberValue(unsigned);
                break;
            case RootObject obj:
                json.WriteStartObject();
                json.WriteString("@class", obj.ClassName);
                json.WriteEndObject();
                break;
            case RootMap map:
                json.WriteStartObject();
                json.WriteStartArray("@map");
                for (int i = 0; i < map.Count; i++)
                {
                    json.WriteStartArray();
                    WriteValue(json, map.Keys[i], depth + 1);
                    WriteValue(json, map.Values[i], depth + 1);
                    json.WriteEndArray();
                }

                json.WriteEndArray();
                json.WriteEndObject();
                break;
            case IDictionary<string, object?> record:
                json.WriteStartObject();
                foreach (KeyValuePair<string, object?> field in record)
                {
                    json.WritePropertyName(field.Key);
                    WriteValue(json, field.Value, depth + 1);
                }

                json.WriteEndObject();
                break;
            case IEnumerable items when depth < 16:
                json.WriteStartArray();
                foreach (object? item in items)
                {
                    WriteValue(json, item, depth + 1);
                }

                json.WriteEndArray();
                break;
            default:
                json.WriteStringValue(value.ToString());
                break;
        }
    }
}
