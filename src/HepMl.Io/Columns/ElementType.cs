using HepMl.Io.Columns;
namespace HepMl.Io.Columns;

/// <summary>
/// The element types a column can hold. Names follow the CLI's type names
/// (<c>bool int8 uint8 int16 uint16 int32 uint32 int64 uint64 float32 float64 string</c>).
/// </summary>
public enum ElementType
{
    /// <summary>bool (ROOT Bool_t, leaf /O).</summary>
    Boolean,

    /// <summary>sbyte (Char_t, /B).</summary>
    Int8,

    /// <summary>byte (UChar_t, /b).</summary>
    UInt8,

    /// <summary>short (Short_t, /S).</summary>
    Int16,

    /// <summary>ushort (UShort_t, /s).</summary>
    UInt16,

    /// <summary>int (Int_t, /I).</summary>
    Int32,

    /// <summary>uint (UInt_t, /i).</summary>
    UInt32,

    /// <summary>long (Long64_t, /L).</summary>
    Int64,

    /// <summary>ulong (ULong64_t, /l).</summary>
    UInt64,

    /// <summary>float (Float_t /F, Float16_t /f).</summary>
    Float32,

    /// <summary>double (Double_t /D, Double32_t /d).</summary>
    Float64,

    /// <summary>UTF-8 text (char* /C, std::string, TString).</summary>
    String,

    /// <summary>Anything else, read as generic <see cref="Root.Objects.RootObject"/> values.</summary>
    Object,
}
