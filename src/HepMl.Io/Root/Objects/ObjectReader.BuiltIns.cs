using HepMl.Io.Columns;
using HepMl.Io.Binary;

namespace HepMl.Io.Root.Objects;

/// <summary>Readers for the classes ROOT streams with hand-written Streamer methods.</summary>
internal sealed partial class ObjectReader
{
    private const uint IsReferenced = 1u << 4;
    private const uint DisplacementMask = 0xFF000000;

    private object? ReadBuiltIn(ref RootCursor cursor, string className, long referenceKey, out bool handled)
    {
        handled = true;
        switch (className)
        {
            case "TObject":
            {
                var obj = new RootObject("TObject", 1);
                ReadTObjectInto(ref cursor, obj);
                return obj;
            }

            case "TString":
                return cursor.ReadString();
            case "TNamed":
                return ReadNamed(ref cursor);
            case "TList":
            case "THashList":
                return ReadList(ref cursor, className, referenceKey);
            case "TObjArray":
            case "TRefArray":
                return ReadObjArray(ref cursor, className, referenceKey);
            case "TClonesArray":
                return ReadClonesArray(ref cursor, referenceKey);
            case "TObjString":
            {
                VersionHeader header = cursor.ReadVersionHeader();
                var obj = new RootObject("TObjString", header.Version);
                ReadTObjectInto(ref cursor, obj);
                obj.Members["fString"] = cursor.ReadString();
                cursor.CheckEnd(header, "TObjString");
                return obj;
            }

            case "TArrayC":
            case "TArrayS":
            case "TArrayI":
            case "TArrayL":
            case "TArrayL64":
            case "TArrayF":
            case "TArrayD":
            {
                ElementType type = TArrayElement(className)!.Value;
                var obj = new RootObject(className, 1);
                int count = cursor.ReadCount(ElementTypes.SizeOf(type), className);
                obj.Members["fN"] = count;
                obj.Members["fArray"] = PrimitiveArrays.Read(ref cursor, type, count);
                return obj;
            }

            case "TDatime":
            {
                var obj = new RootObject("TDatime", 1);
                obj.Members["fDatime"] = cursor.ReadUInt32();
                return obj;
            }

            case "TBasket":
                return ReadEmbeddedBasket(ref cursor);
            case "TStreamerInfo":
                return ReadStreamerInfo(ref cursor);
            case "TStreamerBase":
            case "TStreamerBasicType":
            case "TStreamerBasicPointer":
            case "TStreamerLoop":
            case "TStreamerObject":
            case "TStreamerObjectAny":
            case "TStreamerObjectPointer":
            case "TStreamerObjectAnyPointer":
            case "TStreamerString":
            case "TStreamerSTL":
            case "TStreamerSTLstring":
            case "TStreamerArtificial":
                return ReadStreamerElement(ref cursor, className);
            default:
                handled = false;
                return null;
        }
    }

    /// <summary>TObject: version, fUniqueID, fBits, and a process id when the object is referenced (ROOT: <c>TObject::Streamer</c>).</summary>
    private static void ReadTObjectInto(ref RootCursor cursor, RootObject obj)
    {
        ushort version = cursor.ReadUInt16();
        if ((version & 0x4000) != 0)
        {
            // The two bytes were the top of a byte count: skip its rest and the version.
            cursor.Skip(4);
        }

        obj.UniqueId = cursor.ReadUInt32();
        obj.Bits = cursor.ReadUInt32();
        if ((obj.Bits & IsReferenced) != 0)
        {
            cursor.Skip(2);
        }
    }

    private static RootObject ReadNamed(ref RootCursor cursor)
    {
        VersionHeader header = cursor.ReadVersionHeader();
        var obj = new RootObject("TNamed", header.Version);
        ReadTObjectInto(ref cursor, obj);
        obj.Members["fName"] = cursor.ReadString();
        obj.Members["fTitle"] = cursor.ReadString();
        cursor.CheckEnd(header, "TNamed");
        return obj;
    }

    private RootCollection ReadList(ref RootCursor cursor, string className, long referenceKey)
    {
        VersionHeader header = cursor.ReadVersionHeader();
        var list = new RootCollection(className, header.Version);
        if (referenceKey >= 0)
        {
            _references[referenceKey] = list;
        }

        if (header.Version > 3)
        {
            ReadTObjectInto(ref cursor, list);
        }

        list.Members["fName"] = cursor.ReadString();
        int count = cursor.ReadCount(4, className);
        list.Members["fSize"] = count;
        for (int i = 0; i < count; i++)
        {
            list.Items.Add(ReadObjectAny(ref cursor));
            list.Options.Add(System.Text.Encoding.UTF8.GetString(cursor.ReadStringBytes()));
        }

        cursor.CheckEnd(header, className);
        return list;
    }

    private RootCollection ReadObjArray(ref RootCursor cursor, string className, long referenceKey)
    {
        VersionHeader header = cursor.ReadVersionHeader();
        var array = new RootCollection(className, header.Version);
        if (referenceKey >= 0)
        {
            _references[referenceKey] = array;
        }

        if (header.Version > 2)
        {
            ReadTObjectInto(ref cursor, array);
        }

        if (header.Version > 1)
        {
            array.Members["fName"] = cursor.ReadString();
        }

        int count = cursor.ReadCount(4, className);
        array.Members["fSize"] = count;
        array.Members["fLowerBound"] = cursor.ReadInt32();
        for (int i = 0; i < count; i++)
        {
            array.Items.Add(ReadObjectAny(ref cursor));
        }

        cursor.CheckEnd(header, className);
        return array;
    }

    private RootCollection ReadClonesArray(ref RootCursor cursor, long referenceKey)
    {
        VersionHeader header = cursor.ReadVersionHeader();
        var array = new RootCollection("TClonesArray", header.Version);
        if (referenceKey >= 0)
        {
            _references[referenceKey] = array;
        }

        if (header.Version > 2)
        {
            ReadTObjectInto(ref cursor, array);
        }

        if (header.Version > 1)
        {
            array.Members["fName"] = cursor.ReadString();
        }

        string classAndVersion = cursor.ReadString();
        int semicolon = classAndVersion.IndexOf(';', StringComparison.Ordinal);
        string itemClass = semicolon < 0 ? classAndVersion : classAndVersion[..semicolon];
        array.Members["fClass"] = itemClass;
        int count = cursor.ReadInt32();
        if (count < 0)
        {
            count = -count;
        }

        cursor.CheckCount(count, 1, "TClonesArray");
        array.Members["fSize"] = count;
        array.Members["fLowerBound"] = cursor.ReadInt32();
        for (int i = 0; i < count; i++)
        {
            array.Items.Add(cursor.ReadByte() != 0 ? ReadClass(ref cursor, itemClass) : null);
        }

        cursor.CheckEnd(header, "TClonesArray");
        return array;
    }

    /// <summary>A TBasket inside a TBranch record (ROOT: <c>TKey::Streamer</c> then <c>TBasket::Streamer</c>).</summary>
    private static EmbeddedBasket ReadEmbeddedBasket(ref RootCursor cursor)
    {
        int start = cursor.Position;
        cursor.ReadInt32(); // fNbytes
        int keyVersion = cursor.ReadInt16();
        cursor.ReadInt32(); // fObjlen
        cursor.ReadUInt32(); // fDatime
        int keyLength = cursor.ReadInt16();
        cursor.ReadInt16(); // fCycle
        cursor.Skip(keyVersion > 1000 ? 16 : 8); // fSeekKey, fSeekPdir
        cursor.ReadStringBytes(); // fClassName
        cursor.ReadStringBytes(); // fName
        cursor.ReadStringBytes(); // fTitle
        VersionHeader basketVersion = cursor.ReadVersionHeader();
        cursor.ReadInt32(); // fBufferSize
        int entryOffsetLength = cursor.ReadInt32(); // fNevBufSize
        int entries = cursor.ReadInt32();
        int last = cursor.ReadInt32();
        byte flag = cursor.ReadByte();
        if (entries < 0 || entryOffsetLength < 0 || last < keyLength || keyLength < cursor.Position - start - 1)
        {
            throw cursor.Error($"embedded TBasket has inconsistent sizes (entries {entries}, fLast {last}, fKeylen {keyLength})");
        }

        if (flag == 0)
        {
            return new EmbeddedBasket(entries, [], null, keyLength);
        }

        int[]? offsets = null;
        if (flag % 10 != 2 && entries > 0)
        {
            int n = cursor.ReadCount(4, "TBasket entry offsets");
            if (n != entries)
            {
                throw cursor.Error($"embedded TBasket has {entries} entries but {n} entry offsets");
            }

            offsets = new int[entries + 1];
            for (int i = 0; i < entries; i++)
            {
                int offset = cursor.ReadInt32();
                if (flag is > 20 and < 40)
                {
                    offset = (int)((uint)offset & ~DisplacementMask);
                }

                offsets[i] = offset - keyLength;
            }

            offsets[entries] = last - keyLength;
            if (flag > 40)
            {
                int displacements = cursor.ReadCount(4, "TBasket displacements");
                cursor.Skip(displacements * 4);
            }
        }

        byte[] data = [];
        if (flag == 1 || flag > 10)
        {
            if (basketVersion.Version <= 1)
            {
                throw cursor.Unsupported("embedded TBasket version 1 is not supported");
            }

            ReadOnlySpan<byte> buffer = cursor.ReadBytes(last);
            data = buffer[keyLength..].ToArray();
        }

        if (offsets is not null)
        {
            for (int i = 0; i <= entries; i++)
            {
                if (offsets[i] < 0 || offsets[i] > data.Length || (i > 0 && offsets[i] < offsets[i - 1]))
                {
                    throw cursor.Error($"embedded TBasket entry offset {i} ({offsets[i]}) lies outside its {data.Length} data bytes");
                }
            }
        }

        return new EmbeddedBasket(entries, data, offsets, keyLength);
    }
}
