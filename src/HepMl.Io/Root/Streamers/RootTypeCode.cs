namespace HepMl.Io.Root.Streamers;

/// <summary>
/// The type codes of <c>TStreamerElement::fType</c> and <c>TBranchElement::fStreamerType</c>
/// (ROOT: <c>core/meta/inc/TVirtualStreamerInfo.h</c>, enum EReadWrite).
/// </summary>
internal static class RootTypeCode
{
    public const int Base = 0;
    public const int Char = 1;
    public const int Short = 2;
    public const int Int = 3;
    public const int Long = 4;
    public const int Float = 5;
    public const int Counter = 6;
    public const int CharStar = 7;
    public const int Double = 8;
    public const int Double32 = 9;
    public const int LegacyChar = 10;
    public const int UChar = 11;
    public const int UShort = 12;
    public const int UInt = 13;
    public const int ULong = 14;
    public const int Bits = 15;
    public const int Long64 = 16;
    public const int ULong64 = 17;
    public const int Bool = 18;
    public const int Float16 = 19;

    /// <summary>Added to a basic code for fixed-size arrays (<c>x[3]</c>).</summary>
    public const int OffsetL = 20;

    /// <summary>Added to a basic code for pointer arrays sized by a counter member (<c>x //[n]</c>).</summary>
    public const int OffsetP = 40;

    public const int Object = 61;
    public const int Any = 62;
    public const int ObjectInlinePointer = 63;
    public const int ObjectPointer = 64;
    public const int TString = 65;
    public const int TObject = 66;
    public const int TNamed = 67;
    public const int AnyInlinePointer = 68;
    public const int AnyPointer = 69;
    public const int AnyPointerNoVirtualTable = 70;
    public const int StlPointer = 71;
    public const int Stl = 300;
    public const int StlString = 365;
    public const int Streamer = 500;
    public const int StreamLoop = 501;

    /// <summary>True for the basic codes 1..19 (after removing array offsets).</summary>
    public static bool IsBasic(int code) => code is >= Char and <= Float16 and not CharStar;
}
