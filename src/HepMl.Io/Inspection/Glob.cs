using System.Text;
using System.Text.RegularExpressions;

namespace HepMl.Io.Inspection;

/// <summary>Shell-style wildcard matching: <c>*</c> any run, <c>?</c> one character, <c>[abc]</c> one of a set.</summary>
public sealed class Glob
{
    private readonly Regex _regex;

    /// <summary>Compiles <paramref name="pattern"/>.</summary>
    public Glob(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        Pattern = pattern;
        var text = new StringBuilder("^");
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            switch (c)
            {
                case '*':
                    text.Append(".*");
                    break;
                case '?':
                    text.Append('.');
                    break;
                case '[':
                {
                    int close = pattern.IndexOf(']', i + 1);
                    if (close < 0)
                    {
                        text.Append(@"\[");
                        break;
                    }

                    string set = pattern[(i + 1)..close];
                    text.Append('[').Append(set.StartsWith('!') ? "^" + Regex.Escape(set[1..]) : Regex.Escape(set)).Append(']');
                    i = close;
                    break;
                }

                default:
                    text.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        text.Append('$');
        _regex = new Regex(text.ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline);
    }

    /// <summary>The pattern as given.</summary>
    public string Pattern { get; }

    /// <summary>True when <paramref name="text"/> matches the whole pattern.</summary>
    public bool IsMatch(string text) => _regex.IsMatch(text);
}
