namespace Ingest.Pdf.Text;

internal static class CharClass
{
    /// <summary>True for CJK ideographs, CJK punctuation, full-width forms and radicals: text that is written without spaces.</summary>
    public static bool IsCjk(char c) =>
        c is (>= '\u2E80' and <= '\u2FDF') or (>= '\u3000' and <= '\u303F') or (>= '\u3400' and <= '\u4DBF')
            or (>= '\u4E00' and <= '\u9FFF') or (>= '\uF900' and <= '\uFAFF') or (>= '\uFF00' and <= '\uFFEF')
            or (>= '\u3040' and <= '\u30FF');

    /// <summary>Whether a space belongs between two runs of text that are visually separated.</summary>
    public static bool NeedsSpace(string left, string right)
    {
        if (left.Length == 0 || right.Length == 0)
        {
            return false;
        }

        var a = left[^1];
        var b = right[0];
        return !IsCjk(a) && !IsCjk(b) && !char.IsWhiteSpace(a) && !char.IsWhiteSpace(b);
    }
}
