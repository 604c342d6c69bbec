using Ingest.Core.Layout;
using Ingest.Pdf.Text;

namespace Ingest.Pdf.Tables;

/// <summary>
/// Finds borderless tables: blocks of text lines that split into several runs whose gaps line up
/// (whitespace gutters) over several lines. Rows come from text lines, columns from the gutters.
/// </summary>
internal static class StreamDetector
{
    private const double RunGap = 1.0;
    private static readonly bool Debug = Environment.GetEnvironmentVariable("INGEST_DEBUG") == "1";

    public static List<RawTable> Detect(PageContent page, bool[] used, IReadOnlyList<Box> exclusions, ExtractionOptions options)
    {
        var free = new List<Glyph>();
        for (var i = 0; i < page.Glyphs.Count; i++)
        {
            if (!used[i] && page.Glyphs[i].Upright)
            {
                free.Add(page.Glyphs[i]);
            }
        }

        var tables = new List<RawTable>();
        if (free.Count < 6)
        {
            return tables;
        }

        var rows = LineBuilder.BuildRows(free, RunGap).Select(SplitBeforeFigures).ToList();
        rows.Sort((a, b) => a.Box.Top.CompareTo(b.Box.Top));
        var textLeft = rows.Min(r => r.Box.Left);
        var textRight = rows.Max(r => r.Box.Right);
        var textWidth = Math.Max(1, textRight - textLeft);

        var block = new List<TextRow>();
        void Close()
        {
            if (block.Count > 0)
            {
                var t = BuildTable(block, options);
                if (t is not null)
                {
                    tables.Add(t);
                }

                block = [];
            }
        }

        TextRow? prev = null;
        foreach (var row in rows)
        {
            if (Debug)
            {
                Console.Error.WriteLine($"row {row.Box.Top:F0}-{row.Box.Bottom:F0} x {row.Box.Left:F0}-{row.Box.Right:F0}: {string.Join(" | ", row.Runs.Select(r => r.Text))}");
            }

            var height = row.Box.Height;
            var prose = (row.Runs.Count == 1 && row.Box.Width > 0.55 * textWidth) || IsJustified(row, textWidth);
            var crossesExclusion = exclusions.Any(e => e.Top < row.Box.Bottom && e.Bottom > row.Box.Top);
            var gapBreak = prev is not null && row.Box.Top - prev.Box.Bottom > 2.5 * Math.Max(height, prev.Box.Height);
            var label = IsTitleOrCaption(row);
            if (prose || crossesExclusion || gapBreak || label)
            {
                Close();
            }

            if (!prose && !crossesExclusion && !label)
            {
                block.Add(row);
            }

            prev = row;
        }

        Close();
        return tables;
    }

    /// <summary>A justified line of running text: wide, split into many runs by stretched word spaces only.</summary>
    private static bool IsJustified(TextRow row, double textWidth)
    {
        if (row.Runs.Count < 4 || row.Box.Width < 0.5 * textWidth)
        {
            return false;
        }

        // At most one wide gap (a caption label such as "Table 10:" followed by a tab).
        var wide = 0;
        for (var i = 1; i < row.Runs.Count; i++)
        {
            if (row.Runs[i].Box.Left - row.Runs[i - 1].Box.Right > 1.0 * Math.Max(row.Runs[i].Size, 1))
            {
                wide++;
            }
        }

        return wide == 0 || (wide == 1 && row.Runs.Count >= 5);
    }

    /// <summary>
    /// Where to cut inside a body gutter (bins <paramref name="start"/>..<paramref name="end"/> from <paramref name="bodyL"/>):
    /// the middle of the widest stretch that no glyph of a line without figures (headers) covers, so that a header
    /// wider than its figures stays in its column; the gutter's middle when headers cover all of it (a spanning header).
    /// </summary>
    private static double PlaceCut(List<TextRow> block, double bodyL, int start, int end)
    {
        var n = end - start;
        var covered = new bool[n];
        var any = false;
        foreach (var row in block)
        {
            if (row.Runs.Exists(r => TableDecorator.IsDataText(r.Text)))
            {
                continue;
            }

            foreach (var run in row.Runs)
            {
                if (run.Box.Right < bodyL + start || run.Box.Left > bodyL + end)
                {
                    continue;
                }

                foreach (var g in run.Glyphs)
                {
                    var a = Math.Max(0, (int)Math.Floor(g.Left - bodyL) - start);
                    var b = Math.Min(n - 1, (int)Math.Ceiling(g.Right - bodyL) - start);
                    for (var i = a; i <= b; i++)
                    {
                        covered[i] = true;
                        any = true;
                    }
                }
            }
        }

        var mid = (start + end) / 2.0;
        if (!any)
        {
            return mid;
        }

        int bestFrom = -1, bestLen = 0;
        for (var i = 0; i < n;)
        {
            if (covered[i])
            {
                i++;
                continue;
            }

            var from = i;
            while (i < n && !covered[i])
            {
                i++;
            }

            if (i - from > bestLen)
            {
                bestFrom = from;
                bestLen = i - from;
            }
        }

        return bestLen >= 2 ? start + bestFrom + (bestLen / 2.0) : mid;
    }

    /// <summary>Splits runs where a column cut passes through a clear gap between two glyphs (header words over their own columns).</summary>
    private static IEnumerable<TextRun> SplitAtCuts(List<TextRun> runs, List<double> cuts)
    {
        foreach (var run in runs)
        {
            var glyphs = run.Glyphs;
            var start = 0;
            for (var i = 1; i < glyphs.Count; i++)
            {
                var a = glyphs[i - 1];
                var b = glyphs[i];
                if (b.Left - a.Right < 0.5 * Math.Max(a.Size, b.Size))
                {
                    continue;
                }

                foreach (var x in cuts)
                {
                    if (x > a.Right && x < b.Left)
                    {
                        yield return new TextRun(glyphs.GetRange(start, i - start));
                        start = i;
                        break;
                    }
                }
            }

            yield return start == 0 ? run : new TextRun(glyphs.GetRange(start, glyphs.Count - start));
        }
    }

    /// <summary>
    /// A line that belongs above or around a table, never inside it: a unit line (单位：万元), a caption
    /// (部门：…, 公开01表), or a Chinese table title (a single run naming a 表, without figures).
    /// Such a line ends the block before it, so that a table does not absorb the next table's title.
    /// </summary>
    internal static bool IsTitleOrCaption(TextRow row)
    {
        var any = false;
        foreach (var run in row.Runs)
        {
            var text = run.Text.Trim();
            if (text.Length == 0)
            {
                continue;
            }

            any = true;
            var unit = TableDecorator.FindUnit(text);
            if (unit is not null && text.Length - unit.Length <= 4)
            {
                continue;
            }

            if (TableDecorator.IsCaption(text) || TableDecorator.IsTableNumber(text))
            {
                continue;
            }

            if (row.Runs.Count == 1 && IsChineseTitle(text))
            {
                continue;
            }

            return false;
        }

        return any;
    }

    private static bool IsChineseTitle(string text)
    {
        if (text.Length < 5 || text.Length > 60 || !text.Contains('表', StringComparison.Ordinal))
        {
            return false;
        }

        var cjk = 0;
        foreach (var ch in text)
        {
            if (CharClass.IsCjk(ch))
            {
                cjk++;
            }
        }

        // Titles carry a year at most, never an amount.
        return cjk * 2 >= text.Length && !text.Any(ch => ch == '.' || ch == ',');
    }

    /// <summary>
    /// Splits a run where a figure starts after a visible gap (half an em): "1,981,025.18 1,862,625.98" or
    /// "基本养老保险缴费支出 182,218.09" are two cells even when the gap is narrower than the run gap.
    /// </summary>
    private static TextRow SplitBeforeFigures(TextRow row)
    {
        List<TextRun>? result = null;
        for (var ri = 0; ri < row.Runs.Count; ri++)
        {
            var run = row.Runs[ri];
            var glyphs = run.Glyphs;
            var start = 0;
            for (var i = 1; i < glyphs.Count; i++)
            {
                var prev = glyphs[i - 1];
                var g = glyphs[i];
                var gap = g.Left - prev.Right;
                if (gap < 0.4 * Math.Max(prev.Size, g.Size))
                {
                    continue;
                }

                var left = prev.Text[0];
                var right = g.Text[0];
                var figureAfter = StartsFigure(glyphs, i) && (char.IsDigit(left) || CharClass.IsCjk(left) || left == '%');
                var figureBefore = EndsFigure(glyphs, i - 1) && (char.IsDigit(right) || CharClass.IsCjk(right));
                if (!figureAfter && !figureBefore)
                {
                    continue;
                }

                result ??= [.. row.Runs.Take(ri)];
                result.Add(new TextRun(glyphs.GetRange(start, i - start)));
                start = i;
            }

            if (result is not null)
            {
                result.Add(start == 0 ? run : new TextRun(glyphs.GetRange(start, glyphs.Count - start)));
            }
        }

        return result is null ? row : new TextRow(result);
    }

    /// <summary>The glyphs from <paramref name="i"/> up to the next gap read as a figure (digits, separators, a sign).</summary>
    private static bool StartsFigure(List<Glyph> glyphs, int i)
    {
        var digits = 0;
        for (var j = i; j < glyphs.Count; j++)
        {
            if (j > i && glyphs[j].Left - glyphs[j - 1].Right > 0.4 * glyphs[j].Size)
            {
                break;
            }

            var ch = glyphs[j].Text[0];
            if (char.IsDigit(ch))
            {
                digits++;
            }
            else if (!(ch is '.' or ',' or '-' or '%' or '，'))
            {
                return false;
            }
        }

        return digits > 0;
    }

    /// <summary>The glyphs back from <paramref name="i"/> to the previous gap read as a figure.</summary>
    private static bool EndsFigure(List<Glyph> glyphs, int i)
    {
        var digits = 0;
        for (var j = i; j >= 0; j--)
        {
            if (j < i && glyphs[j + 1].Left - glyphs[j].Right > 0.4 * glyphs[j].Size)
            {
                break;
            }

            var ch = glyphs[j].Text[0];
            if (char.IsDigit(ch))
            {
                digits++;
            }
            else if (!(ch is '.' or ',' or '-' or '%' or '，'))
            {
                return false;
            }
        }

        return digits > 0;
    }

    public static bool IsContinuationText(string text) =>
        text.Length > 0 && (char.IsLower(text[0]) || text[0] == '(');

    private static RawTable? BuildTable(List<TextRow> block, ExtractionOptions options)
    {
        // Trim single-run rows at the ends that sit at the left margin (captions, labels without data).
        var multi = block.Count(r => r.Runs.Count >= 2);
        if (multi < Math.Min(options.MinStreamRows, 3) - 1)
        {
            return null;
        }

        while (block.Count > 0 && block[^1].Runs.Count < 2)
        {
            block.RemoveAt(block.Count - 1);
        }

        var left0 = block.Count > 0 ? block.Min(r => r.Box.Left) : 0;
        while (block.Count > 0 && block[0].Runs.Count < 2 && block[0].Box.Left - left0 < 5)
        {
            block.RemoveAt(0);
        }

        if (block.Count == 0)
        {
            return null;
        }

        var multiRows = block.Where(r => r.Runs.Count >= 2).ToList();
        var maxRuns = multiRows.Max(r => r.Runs.Count);
        var body = multiRows.Where(r => r.Runs.Count >= Math.Max(2, 0.6 * maxRuns)).ToList();
        if (body.Count < options.MinStreamRows && !(body.Count >= 2 && maxRuns >= 3))
        {
            return null;
        }

        var minL = block.Min(r => r.Box.Left);
        var maxR = block.Max(r => r.Box.Right);
        var bodyL = body.Min(r => r.Box.Left);
        var bodyR = body.Max(r => r.Box.Right);
        var bins = (int)Math.Ceiling(bodyR - bodyL) + 1;
        var cover = new int[bins];
        foreach (var row in body)
        {
            foreach (var run in row.Runs)
            {
                var a = Math.Max(0, (int)Math.Floor(run.Box.Left - bodyL));
                var b = Math.Min(bins - 1, (int)Math.Ceiling(run.Box.Right - bodyL));
                for (var i = a; i <= b; i++)
                {
                    cover[i]++;
                }
            }
        }

        var allowed = body.Count >= 4 ? Math.Max(1, body.Count / 4) : 0;
        var cuts = new List<double>();
        var k = 0;
        while (k < bins)
        {
            if (cover[k] <= allowed)
            {
                var start = k;
                while (k < bins && cover[k] <= allowed)
                {
                    k++;
                }

                if (start > 0 && k < bins && k - start >= 2)
                {
                    cuts.Add(bodyL + PlaceCut(block, bodyL, start, k));
                }
            }
            else
            {
                k++;
            }
        }

        if (cuts.Count == 0)
        {
            return null;
        }

        if (Debug)
        {
            Console.Error.WriteLine($"block {block[0].Box.Top:F0}: body {body.Count} cuts {string.Join(",", cuts.Select(c => c.ToString("F0", System.Globalization.CultureInfo.InvariantCulture)))}");
        }

        var colLines = new List<double> { Math.Min(minL, bodyL) - 1 };
        colLines.AddRange(cuts);
        colLines.Add(Math.Max(maxR, bodyR) + 1);
        var cols = colLines.Count - 1;

        // Every text line becomes a row; runs go to the columns they overlap.
        var slots = new List<(int Col, int Span, List<Glyph> Glyphs)>[block.Count];
        for (var r = 0; r < block.Count; r++)
        {
            slots[r] = [];
            foreach (var run in SplitAtCuts(block[r].Runs, cuts))
            {
                var first = -1;
                var last = -1;
                for (var c = 0; c < cols; c++)
                {
                    var o = Math.Min(run.Box.Right, colLines[c + 1]) - Math.Max(run.Box.Left, colLines[c]);
                    if (o > 0.5)
                    {
                        if (first < 0)
                        {
                            first = c;
                        }

                        last = c;
                    }
                }

                if (first < 0)
                {
                    first = last = Math.Max(0, GridMath.Locate(colLines, run.Box.CenterX));
                }

                var existing = slots[r].FindIndex(s => s.Col <= last && s.Col + s.Span - 1 >= first);
                if (existing >= 0)
                {
                    var s = slots[r][existing];
                    var nf = Math.Min(first, s.Col);
                    var nl = Math.Max(last, s.Col + s.Span - 1);
                    s.Glyphs.AddRange(run.Glyphs);
                    slots[r][existing] = (nf, nl - nf + 1, s.Glyphs);
                }
                else
                {
                    slots[r].Add((first, last - first + 1, new List<Glyph>(run.Glyphs)));
                }
            }
        }

        // Wrapped cell text: a line holding only one cell that starts in lower case or with "(" continues the line above.
        var keep = new List<int>();
        for (var r = 0; r < block.Count; r++)
        {
            if (keep.Count > 0 && slots[r].Count == 1 && IsContinuationText(block[r].Runs[0].Text))
            {
                var prevRow = keep[^1];
                var (col, span, glyphs) = slots[r][0];
                var target = slots[prevRow].FindIndex(x => x.Col == col && x.Span == span);
                var gap = block[r].Box.Top - block[prevRow].Box.Bottom;
                if (target >= 0 && gap < block[r].Box.Height)
                {
                    slots[prevRow][target].Glyphs.AddRange(glyphs);
                    block[prevRow] = new TextRow([.. block[prevRow].Runs, .. block[r].Runs]);
                    continue;
                }
            }

            keep.Add(r);
        }

        if (keep.Count < block.Count)
        {
            slots = keep.Select(r => slots[r]).ToArray();
            block = keep.Select(r => block[r]).ToList();
        }

        // Running text laid out in columns is not a table: long cells, few figures.
        var texts = slots.SelectMany(x => x).Select(x => LineBuilder.RunText(x.Glyphs)).Where(t => t.Length > 0).ToList();
        var lengths = texts.Select(t => t.Length).Order().ToList();
        var withDigits = texts.Count(t => t.Any(char.IsDigit));
        if (lengths.Count > 0 && lengths[lengths.Count / 2] > 18 && withDigits * 10 < texts.Count * 3)
        {
            return null;
        }

        var rowLines = new List<double>();
        for (var r = 0; r < block.Count; r++)
        {
            rowLines.Add(r == 0 ? block[0].Box.Top - 1 : (block[r - 1].Box.Bottom + block[r].Box.Top) / 2);
        }

        rowLines.Add(block[^1].Box.Bottom + 1);

        var cells = new List<RawCell>();
        for (var r = 0; r < block.Count; r++)
        {
            foreach (var (col, span, glyphs) in slots[r].OrderBy(s => s.Col))
            {
                var box = new Box(colLines[col], rowLines[r], colLines[col + span], rowLines[r + 1]);
                cells.Add(new RawCell(r, col, 1, span, box, LineBuilder.CellText(glyphs)));
            }
        }

        var bounds = new Box(colLines[0], rowLines[0], colLines[^1], rowLines[^1]);
        return new RawTable { Bounds = bounds, RowLines = rowLines, ColLines = colLines, Cells = cells, Method = "stream" };
    }
}
