using System.Globalization;
using System.Text;

namespace Ingest.Synthetic.Pdf;

/// <summary>The standard-14 Helvetica font (not embedded, WinAnsiEncoding) used for ASCII and a few
/// WinAnsi symbols the CJK fallback font lacks. Widths are the published Helvetica AFM metrics.</summary>
internal static class Helvetica
{
    // Advance widths (1/1000 em) for codes 32..126.
    private static readonly int[] Ascii =
    [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // 32-47
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 48-63
        1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // 64-79
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // 80-95
        333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // 96-111
        556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,      // 112-126
    ];

    // Non-ASCII characters drawn with Helvetica: Unicode -> (WinAnsi code, width).
    private static readonly Dictionary<int, (byte Code, int Width)> Extra = new()
    {
        [0x201C] = (0x93, 333), // “
        [0x201D] = (0x94, 333), // ”
        [0x2018] = (0x91, 222), // ‘
        [0x2019] = (0x92, 222), // ’
        [0x00D7] = (0xD7, 584), // ×
        [0x2014] = (0x97, 1000), // — (the CJK fallback font has no em dash; its width is written only when used)
    };

    public static bool Uses(int codePoint) => (codePoint >= 32 && codePoint <= 126) || Extra.ContainsKey(codePoint);

    public static double Width1000(int codePoint) =>
        codePoint >= 32 && codePoint <= 126 ? Ascii[codePoint - 32] : Extra[codePoint].Width;

    public static byte Code(int codePoint) => codePoint <= 126 ? (byte)codePoint : Extra[codePoint].Code;

    /// <param name="emDash">Whether the em dash is used: its width is left out otherwise, so files without one keep their bytes.</param>
    public static string WidthsArray(bool emDash = false)
    {
        var widths = new int[224];
        for (int c = 32; c <= 126; c++)
        {
            widths[c - 32] = Ascii[c - 32];
        }

        foreach (var (cp, (code, width)) in Extra)
        {
            if (cp == 0x2014 && !emDash)
            {
                continue;
            }

            widths[code - 32] = width;
        }

        return string.Join(" ", widths.Select(w => w.ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>A PDF literal string for a run of Helvetica characters.</summary>
    public static string Literal(string run)
    {
        var sb = new StringBuilder("(");
        foreach (var rune in run.EnumerateRunes())
        {
            byte b = Code(rune.Value);
            if (b is (byte)'(' or (byte)')' or (byte)'\\')
            {
                sb.Append('\\').Append((char)b);
            }
            else if (b > 126)
            {
                sb.Append('\\').Append(Convert.ToString(b, 8));
            }
            else
            {
                sb.Append((char)b);
            }
        }

        return sb.Append(')').ToString();
    }
}
