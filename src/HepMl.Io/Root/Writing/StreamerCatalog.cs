using System.Reflection;
using System.Text.Json;

namespace HepMl.Io.Root.Writing;

/// <summary>
/// The TStreamerInfo records every file the writer produces carries (TTree, TBranch, TLeaf*, TBranchElement, TH1/TH2,
/// TAxis, TObjString and their bases), loaded from <c>Streamers/streamers.json</c> — class layouts, versions and
/// checksums taken from ROOT-written reference files by <c>tools/refgen/root_streamers.py</c> — and serialised as
/// ROOT's TList of TStreamerInfo (every class written with a new-class tag, so each record is position independent).
/// </summary>
internal static class StreamerCatalog
{
    private static readonly Lazy<byte[]> s_payload = new(BuildPayload);

    /// <summary>The uncompressed payload of the "StreamerInfo" key: a TList (version 5) of TStreamerInfo.</summary>
    public static ReadOnlySpan<byte> Payload => s_payload.Value;

    private static byte[] BuildPayload()
    {
        using Stream resource = typeof(StreamerCatalog).Assembly.GetManifestResourceStream("HepMl.Io.Root.Writing.Streamers.streamers.json")
            ?? throw new InvalidOperationException("the embedded streamer catalogue is missing");
        using JsonDocument document = JsonDocument.Parse(resource);
        JsonElement streamers = document.RootElement.GetProperty("streamers");
        var buffer = new RootBuffer(1 << 15);
        int list = buffer.BeginVersion(5);
        buffer.TObject(0x03000000);
        buffer.String(string.Empty);
        buffer.Int32(streamers.GetArrayLength());
        foreach (JsonElement info in streamers.EnumerateArray())
        {
            WriteStreamerInfo(buffer, info);
            buffer.Byte(0); // the TList entry's option string
        }

        buffer.End(list);
        return buffer.ToArray();
    }

    private static void WriteStreamerInfo(RootBuffer buffer, JsonElement info)
    {
        int objectStart = buffer.BeginObject("TStreamerInfo");
        int version = buffer.BeginVersion(9);
        buffer.TNamed(info.GetProperty("name").GetString()!, info.GetProperty("title").GetString()!, (uint)info.GetProperty("bits").GetInt64());
        buffer.UInt32((uint)info.GetProperty("checksum").GetInt64());
        buffer.Int32(info.GetProperty("version").GetInt32());
        JsonElement elements = info.GetProperty("elements");
        int arrayObject = buffer.BeginObject("TObjArray");
        int array = buffer.BeginVersion(3);
        buffer.TObject(0x03000000);
        buffer.String(string.Empty);
        buffer.Int32(elements.GetArrayLength());
        buffer.Int32(0); // lower bound
        foreach (JsonElement element in elements.EnumerateArray())
        {
            WriteElement(buffer, element);
        }

        buffer.End(array);
        buffer.End(arrayObject);
        buffer.End(version);
        buffer.End(objectStart);
    }

    private static void WriteElement(RootBuffer buffer, JsonElement element)
    {
        string className = element.GetProperty("class").GetString()!;
        int objectStart = buffer.BeginObject(className);
        int outer = buffer.BeginVersion((short)element.GetProperty("version").GetInt32());
        if (className == "TStreamerSTLstring")
        {
            int stl = buffer.BeginVersion(3);
            WriteElementBase(buffer, element);
            buffer.Int32(element.GetProperty("fSTLtype").GetInt32());
            buffer.Int32(element.GetProperty("fCtype").GetInt32());
            buffer.End(stl);
        }
        else
        {
            WriteElementBase(buffer, element);
            switch (className)
            {
                case "TStreamerBase":
                    buffer.Int32(element.GetProperty("fBaseVersion").GetInt32());
                    break;
                case "TStreamerBasicPointer":
                case "TStreamerLoop":
                    buffer.Int32(element.GetProperty("fCountVersion").GetInt32());
                    buffer.String(element.GetProperty("fCountName").GetString()!);
                    buffer.String(element.GetProperty("fCountClass").GetString()!);
                    break;
                case "TStreamerSTL":
                    buffer.Int32(element.GetProperty("fSTLtype").GetInt32());
                    buffer.Int32(element.GetProperty("fCtype").GetInt32());
                    break;
                case "TStreamerBasicType":
                case "TStreamerObject":
                case "TStreamerObjectPointer":
                case "TStreamerObjectAny":
                case "TStreamerObjectAnyPointer":
                case "TStreamerString":
                    break;
                default:
                    throw new InvalidOperationException($"the streamer catalogue holds an element of class {className}, which the writer cannot serialise");
            }
        }

        buffer.End(outer);
        buffer.End(objectStart);
    }

    /// <summary>TStreamerElement version 4: TNamed, type, size, array length and rank, five maximum indices, type name.</summary>
    private static void WriteElementBase(RootBuffer buffer, JsonElement element)
    {
        int start = buffer.BeginVersion(4);
        buffer.TNamed(element.GetProperty("fName").GetString()!, element.GetProperty("fTitle").GetString()!, (uint)element.GetProperty("@fBits").GetInt64());
        buffer.Int32(element.GetProperty("fType").GetInt32());
        buffer.Int32(element.GetProperty("fSize").GetInt32());
        buffer.Int32(element.GetProperty("fArrayLength").GetInt32());
        buffer.Int32(element.GetProperty("fArrayDim").GetInt32());
        foreach (JsonElement index in element.GetProperty("fMaxIndex").EnumerateArray())
        {
            buffer.Int32(index.GetInt32());
        }

        buffer.String(element.GetProperty("fTypeName").GetString()!);
        buffer.End(start);
    }
}
