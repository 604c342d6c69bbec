using System.Text;
using Ingest.Core.Layout;

namespace Ingest.Pdf.Text;

/// <summary>A run of glyphs on one text line without a large gap inside.</summary>
internal sealed class TextRun
{
    public TextRun(List<Glyph> glyphs)
    {
        Glyphs = glyphs;
        double l = double.MaxValue, t = double.MaxValue, r = double.MinValue, b = double.MinValue, size = 0;
        foreach (var g in glyphs)
        {
            l = Math.Min(l, g.Left);
            t = Math.Min(t, g.Top);
            r = Math.Max(r, g.Right);
            b = Math.Max(b, g.Bottom);
            size = Math.Max(size, g.Size);
        }

        Box = new Box(l, t, r, b);
        Size = size;
        Text = LineBuilder.RunText(glyphs);
    }

    public List<Glyph> Glyphs { get; }
    public Box Box { get; }
    public double Size { get; }
    public string Text { get; }
}

/// <summary>A text line: glyphs sharing a baseline, split into runs at large gaps.</summary>
internal sealed class TextRow
{
    public TextRow(List<TextRun> runs)
    {
        Runs = runs;
        var box = runs[0].Box;
        foreach (var r in runs)
        {
            box = box.Union(r.Box);
        }

        Box = box;
    }

    public List<TextRun> Runs { get; }
    public Box Box { get; }
}

internal static class LineBuilder
{
    /// <summary>Groups glyphs into lines (top to bottom), each sorted left to right.</summary>
    public static List<List<Glyph>> GroupRows(IEnumerable<Glyph> glyphs)
    {
        var sorted = glyphs.ToList();
        sorted.Sort((a, b) => a.CenterY.CompareTo(b.CenterY));
        var rows = new List<List<Glyph>>();
        List<Glyph>? current = null;
        double cy = 0, h = 0;
        foreach (var g in sorted)
        {
            if (current is not null && Math.Abs(g.CenterY - cy) <= 0.35 * Math.Max(h, g.Height))
            {
                current.Add(g);
                cy += (g.CenterY - cy) / current.Count;
                h += (g.Height - h) / current.Count;
                continue;
            }

            current = [g];
            rows.Add(current);
            cy = g.CenterY;
            h = g.Height;
        }

        foreach (var row in rows)
        {
            row.Sort((a, b) => a.Left.CompareTo(b.Left));
        }

        return rows;
    }

    /// <summary>
    /// Splits a sorted line into runs wherever the gap exceeds <paramref name="gapFactor"/> font sizes, or where a
    /// gap between solid Chinese text breaks the pitch (see <see cref="IsPitchBreak"/>).
    /// </summary>
    public static List<TextRun> SplitRuns(List<Glyph> row, double gapFactor)
    {
        var runs = new List<TextRun>();
        var current = new List<Glyph>();
        var gaps = Gaps(row);
        for (var i = 0; i < row.Count; i++)
        {
            var g = row[i];
            if (current.Count > 0
                && (gaps[i] > gapFactor * Math.Max(g.Size, current[^1].Size) * (IsNarrow(g, current[^1]) ? 0.6 : 1.0) || IsPitchBreak(row, gaps, i)))
            {
                runs.Add(new TextRun(current));
                current = [];
            }

            current.Add(g);
        }

        if (current.Count > 0)
        {
            runs.Add(new TextRun(current));
        }

        return runs;
    }

    /// <summary>Gap before each glyph of a sorted line: its left edge minus the rightmost edge of the glyphs before it.</summary>
    private static double[] Gaps(List<Glyph> row)
    {
        var gaps = new double[row.Count];
        var right = double.MinValue;
        for (var i = 0; i < row.Count; i++)
        {
            gaps[i] = i == 0 ? 0 : row[i].Left - right;
            right = Math.Max(right, row[i].Right);
        }

        return gaps;
    }

    /// <summary>
    /// Whether the gap before glyph <paramref name="i"/> separates two pieces of solid Chinese text: at least two
    /// ideographs set edge to edge on each side, and a gap clearly wider than a half-width space (0.6 characters)
    /// between them. Chinese inside one cell is written without spaces, or with a half-width space between phrases
    /// ("第三部分 省人大…", 0.5 characters), so a wider gap is a column gutter, even when narrower than the run gap
    /// (wrapped headers of neighbouring narrow columns, 0.66 to 0.86 characters apart). Letter-spaced text ("合  计") has no
    /// solid pair and is left alone.
    /// </summary>
    private static bool IsPitchBreak(List<Glyph> row, double[] gaps, int i)
    {
        if (i < 2 || i + 1 >= row.Count)
        {
            return false;
        }

        var size = Math.Max(row[i - 1].Size, row[i].Size);
        return gaps[i] > 0.6 * size
            && IsSolidPair(row, gaps, i - 1) && IsSolidPair(row, gaps, i + 1);
    }

    /// <summary>Glyphs <paramref name="i"/> - 1 and <paramref name="i"/> are Chinese, of one size, and touch.</summary>
    private static bool IsSolidPair(List<Glyph> row, double[] gaps, int i)
    {
        Glyph a = row[i - 1], b = row[i];
        return CharClass.IsCjk(a.Text[0]) && CharClass.IsCjk(b.Text[0])
            && Math.Abs(a.Size - b.Size) <= 0.05 * Math.Max(a.Size, b.Size)
            && Math.Abs(gaps[i]) <= 0.15 * Math.Max(a.Size, b.Size);
    }

    private static bool IsNarrow(Glyph a, Glyph b) => !CharClass.IsCjk(a.Text[0]) && !CharClass.IsCjk(b.Text[0]);

    public static List<TextRow> BuildRows(IEnumerable<Glyph> glyphs, double gapFactor)
    {
        var rows = new List<TextRow>();
        foreach (var row in GroupRows(glyphs))
        {
            rows.Add(new TextRow(SplitRuns(row, gapFactor)));
        }

        return rows;
    }

    /// <summary>Text of glyphs on one line (sorted by x): spaces only between Latin words.</summary>
    public static string RunText(IReadOnlyList<Glyph> glyphs)
    {
        var sb = new StringBuilder(glyphs.Count + 4);
        for (var i = 0; i < glyphs.Count; i++)
        {
            var g = glyphs[i];
            if (i > 0)
            {
                var prev = glyphs[i - 1];
                var gap = g.Left - prev.Right;
                if (gap > 0.2 * Math.Max(g.Size, prev.Size) && CharClass.NeedsSpace(prev.Text, g.Text))
                {
                    sb.Append(' ');
                }
            }

            sb.Append(g.Text);
        }

        return sb.ToString();
    }

    /// <summary>Text of glyphs inside one cell: lines top to bottom, joined without space for Chinese, with a space for Latin.</summary>
    public static string CellText(IEnumerable<Glyph> glyphs)
    {
        var sb = new StringBuilder();
        foreach (var row in GroupRows(glyphs))
        {
            var text = RunText(row);
            if (sb.Length > 0 && CharClass.NeedsSpace(sb.ToString(sb.Length - 1, 1), text))
            {
                sb.Append(' ');
            }

            sb.Append(text);
        }

        return sb.ToString();
    }

    public static string JoinLines(IEnumerable<string> lines)
    {
        var sb = new StringBuilder();
        foreach (var text in lines)
        {
            if (text.Length == 0)
            {
                continue;
            }

            if (sb.Length > 0 && CharClass.NeedsSpace(sb.ToString(sb.Length - 1, 1), text))
            {
                sb.Append(' ');
            }

            sb.Append(text);
        }

        return sb.ToString();
    }
}
