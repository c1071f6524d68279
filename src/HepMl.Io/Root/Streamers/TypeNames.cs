using System.Text;

namespace HepMl.Io.Root.Streamers;

/// <summary>Normalises C++ type names so that spellings from different places of a file compare equal.</summary>
internal static class TypeNames
{
    /// <summary>Removes insignificant spaces and a leading <c>std::</c> on standard containers.</summary>
    public static string Normalize(string name)
    {
        var text = new StringBuilder(name.Length);
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (char.IsWhiteSpace(c))
            {
                // Keep one space only between two identifier characters ("unsigned int").
                char before = text.Length > 0 ? text[^1] : ' ';
                int j = i;
                while (j < name.Length && char.IsWhiteSpace(name[j]))
                {
                    j++;
                }

                char after = j < name.Length ? name[j] : ' ';
                if (IsIdentifier(before) && IsIdentifier(after))
                {
                    text.Append(' ');
                }

                i = j - 1;
                continue;
            }

            text.Append(c);
        }

        string result = text.ToString().Replace("std::", string.Empty, StringComparison.Ordinal);
        return result.Contains("_t", StringComparison.Ordinal) ? s_typedefs.Replace(result, match => s_canonical[match.Value]) : result;
    }

    /// <summary>ROOT's typedefs and their C++ spellings (Double32_t and Float16_t stay: they change the encoding).</summary>
    private static readonly Dictionary<string, string> s_canonical = new(StringComparer.Ordinal)
    {
        ["Bool_t"] = "bool",
        ["Char_t"] = "char",
        ["UChar_t"] = "unsigned char",
        ["Short_t"] = "short",
        ["UShort_t"] = "unsigned short",
        ["Int_t"] = "int",
        ["UInt_t"] = "unsigned int",
        ["Long_t"] = "long",
        ["ULong_t"] = "unsigned long",
        ["Long64_t"] = "long long",
        ["ULong64_t"] = "unsigned long long",
        ["Float_t"] = "float",
        ["Double_t"] = "double",
    };

    private static readonly System.Text.RegularExpressions.Regex s_typedefs = new(
        @"\b(Bool_t|Char_t|UChar_t|Short_t|UShort_t|Int_t|UInt_t|Long_t|ULong_t|Long64_t|ULong64_t|Float_t|Double_t)\b",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private static bool IsIdentifier(char c) => char.IsLetterOrDigit(c) || c == '_';
}
