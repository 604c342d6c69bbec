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
        var firstBlock = true;
        var lastWasLabel = false;
        var blockAfterLabel = false;
        void Close(bool pageEnd = false)
        {
            if (block.Count > 0)
            {
                // A table cut at a page edge: its lone total row at the top of the next page, or its header (under its
                // title) at the bottom of this one with nothing under it. Each is a fragment for ContinuationJoiner.
                // Nothing of the page (a ruled table) may lie above the total row or below the header.
                var top = block[0].Box.Top;
                var t = BuildTable(block, options)
                    ?? (firstBlock && !exclusions.Any(e => e.Top < top) ? LoneTotalRow(block) : null)
                    ?? (pageEnd && blockAfterLabel && !exclusions.Any(e => e.Bottom > top) ? HeaderOnly(block) : null);
                if (t is not null)
                {
                    tables.Add(t);
                }

                block = [];
                firstBlock = false;
            }
        }

        TextRow? prev = null;
        foreach (var row in rows)
        {
            if (Debug)
            {
                Console.Error.WriteLine($"row {row.Box.Top:F0}-{row.Box.Bottom:F0} x {row.Box.Left:F0}-{row.Box.Right:F0}: {string.Join(" | ", row.Runs.Select(r => $"{r.Text}@{r.Box.Left:F0}-{r.Box.Right:F0}"))}");
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
                if (block.Count == 0)
                {
                    blockAfterLabel = lastWasLabel;
                }

                block.Add(row);
            }

            if (prose || crossesExclusion)
            {
                firstBlock = false;
            }

            lastWasLabel = label;
            prev = row;
        }

        Close(pageEnd: true);
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
        var header = block.Where(row => !row.Runs.Exists(r => TableDecorator.IsDataText(r.Text))).ToList();
        var runs = header.SelectMany(row => row.Runs).Where(run => run.Box.Right >= bodyL + start && run.Box.Left <= bodyL + end).ToList();
        var mid = (start + end) / 2.0;
        if (runs.Count == 0)
        {
            return mid;
        }

        // When header words cover the whole gutter, a parent centred over several columns (本年一般公共预算基本支出
        // over 合计|人员经费|公用经费) may be the one crossing it: the cut then goes where no leaf word lies.
        // First ignore only parents over several words (人员经费 over 工资福利支出|对个人和家庭), then every word with
        // a word under it.
        var all = header.SelectMany(row => row.Runs).ToList();
        int Under(TextRun a) => all.Count(b => b != a && b.Box.Top >= a.Box.Bottom - 1
            && Math.Min(a.Box.Right, b.Box.Right) - Math.Max(a.Box.Left, b.Box.Left) > 0.5);
        return WidestFree(runs, bodyL, start, end)
            ?? WidestFree(runs.Where(a => Under(a) < 2).ToList(), bodyL, start, end)
            ?? WidestFree(runs.Where(a => Under(a) == 0).ToList(), bodyL, start, end)
            ?? mid;
    }

    private static double? WidestFree(List<TextRun> runs, double bodyL, int start, int end)
    {
        var n = end - start;
        var covered = new bool[n];
        foreach (var g in runs.SelectMany(r => r.Glyphs))
        {
            var a = Math.Max(0, (int)Math.Floor(g.Left - bodyL) - start);
            var b = Math.Min(n - 1, (int)Math.Ceiling(g.Right - bodyL) - start);
            for (var i = a; i <= b; i++)
            {
                covered[i] = true;
            }
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

        return bestLen >= 2 ? start + bestFrom + (bestLen / 2.0) : null;
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
                // Chinese words are not spaced: any clear gap between two of them at a cut parts two cells.
                var cjk = CharClass.IsCjk(a.Text[0]) && CharClass.IsCjk(b.Text[0]);
                if (b.Left - a.Right < (cjk ? 0.25 : 0.5) * Math.Max(a.Size, b.Size))
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

    /// <summary>
    /// Row <paramref name="i"/> holds one run that starts away from the block's left margin, at the x where runs of
    /// at least two multi-run rows of the block start (a column's labels), directly under the row above.
    /// </summary>
    private static bool IsInnerColumnRow(List<TextRow> block, int i, double left0)
    {
        var row = block[i];
        if (row.Runs.Count != 1 || i == 0 || row.Box.Left - left0 < 5 || TableDecorator.IsDataText(row.Runs[0].Text))
        {
            return false;
        }

        var above = block[i - 1];
        if (row.Box.Top - above.Box.Bottom > 1.5 * Math.Max(row.Box.Height, above.Box.Height))
        {
            return false;
        }

        var x = row.Runs[0].Box.Left;
        var tol = 0.25 * row.Box.Height;
        return block.Count(r => r.Runs.Count >= 2 && r.Runs.Skip(1).Any(run => Math.Abs(run.Box.Left - x) <= tol)) >= 2;
    }

    /// <summary>
    /// An empty template table (本表无数据): header lines without a figure over a lone total line (合计). Its columns
    /// are the header's leaves (words with no other word under them: 类|款|项 under 功能分类科目编码), cut in the
    /// middle of the gaps between them; the header is built as for any borderless table, the total line is the body.
    /// </summary>
    private static RawTable? EmptyTemplate(List<TextRow> block, double left0)
    {
        var rows = block.ToList();
        while (rows.Count > 0 && rows[^1].Runs.Count == 1 && rows[^1].Box.Left - left0 < 5)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        if (rows.Count < 3 || rows[^1].Runs.Count != 1 || !IsTotalText(rows[^1].Runs[0].Text)
            || rows.Count(r => r.Runs.Count >= 2) < 2
            || rows.Exists(r => r.Runs.Exists(x => TableDecorator.IsDataText(x.Text) || x.Text.Length > 16)))
        {
            return null;
        }

        var header = rows.Take(rows.Count - 1).ToList();
        var runs = header.SelectMany(r => r.Runs).ToList();
        static bool Overlap(Box a, Box b) => Math.Min(a.Right, b.Right) - Math.Max(a.Left, b.Left) > 0.5;
        var leaves = runs.Where(a => !runs.Exists(b => b != a && b.Box.Top >= a.Box.Bottom - 1 && Overlap(a.Box, b.Box)))
            .Select(a => a.Box).OrderBy(b => b.Left).ToList();
        // The total label is left-aligned in the name column under a centred header word: a gap it starts in is cut
        // just before it.
        var total = rows[^1].Box;
        var colLines = new List<double> { Math.Min(left0, rows.Min(r => r.Box.Left)) - 1 };
        var right = leaves[0].Right;
        foreach (var leaf in leaves.Skip(1))
        {
            if (leaf.Left > right)
            {
                colLines.Add(total.Left > right && total.Left < leaf.Left ? (right + total.Left) / 2 : (right + leaf.Left) / 2);
            }

            right = Math.Max(right, leaf.Right);
        }

        colLines.Add(Math.Max(right, rows.Max(r => r.Box.Right)) + 1);
        if (colLines.Count < 4)
        {
            return null;
        }

        var slots = AssignSlots(rows, colLines);
        var built = BuildHeader(slots, header.Count, colLines);
        if (built is not { } h || slots[^1].Count != 1)
        {
            return null;
        }

        var rowLines = h.RowLines.Take(h.RowLines.Count - 1).ToList();
        rowLines.Add((header[^1].Box.Bottom + rows[^1].Box.Top) / 2);
        rowLines.Add(rows[^1].Box.Bottom + 1);
        var cells = h.Cells.Select(c => c with { Box = new Box(colLines[c.Col], rowLines[c.Row], colLines[c.Col + c.ColSpan], rowLines[c.Row + c.RowSpan]) }).ToList();
        var (col, span, glyphs) = slots[^1][0];
        cells.Add(new RawCell(h.Rows, col, 1, span, new Box(colLines[col], rowLines[^2], colLines[col + span], rowLines[^1]), LineBuilder.CellText(glyphs)));
        var bounds = new Box(colLines[0], rowLines[0], colLines[^1], rowLines[^1]);
        return new RawTable { Bounds = bounds, RowLines = rowLines, ColLines = colLines, Cells = cells, Method = "stream" };
    }

    /// <summary>
    /// The first text of a page (after a 续表 mark) is one line starting with a total label (合计, or 合计 and its
    /// figures), or one body line (a code, a name, figures), alone or over a note: the last row of a table on the page
    /// before, one column per run.
    /// </summary>
    private static RawTable? LoneTotalRow(List<TextRow> block)
    {
        // Notes under it stay outside the table.
        if (block.Count > 1 && !(block[1].Runs.Count == 1 && TableDecorator.IsNoteText(block[1].Runs[0].Text)))
        {
            return null;
        }

        var runs = block[0].Runs;
        var totalRow = IsTotalText(runs[0].Text) && runs.Skip(1).All(r => TableDecorator.IsDataText(r.Text));
        // Or the last body row of a table (under 续表 or alone): a code, a name and at least two figures with decimals.
        var bodyRow = runs.Count >= 4 && TableDecorator.IsDataText(runs[0].Text) && runs.Exists(r => r.Text.Any(CharClass.IsCjk))
            && runs.Count(r => TableDecorator.IsDataText(r.Text) && r.Text.Contains('.', StringComparison.Ordinal)) >= 2;
        if (!totalRow && !bodyRow)
        {
            return null;
        }

        var colLines = new List<double> { runs[0].Box.Left - 1 };
        for (var i = 1; i < runs.Count; i++)
        {
            colLines.Add((runs[i - 1].Box.Right + runs[i].Box.Left) / 2);
        }

        colLines.Add(runs[^1].Box.Right + 1);
        var box = block[0].Box;
        var rowLines = new List<double> { box.Top - 1, box.Bottom + 1 };
        var cells = runs.Select((r, i) => new RawCell(0, i, 1, 1, new Box(colLines[i], rowLines[0], colLines[i + 1], rowLines[1]), LineBuilder.CellText(r.Glyphs))
        {
            TextBox = GridMath.BoundsOf(r.Glyphs),
        }).ToList();
        return new RawTable { Bounds = new Box(colLines[0], rowLines[0], colLines[^1], rowLines[1]), RowLines = rowLines, ColLines = colLines, Cells = cells, Method = "stream" };
    }

    /// <summary>
    /// The last text of a page under a title is a table header without a body (one or two lines of short header
    /// words, one of at least three words, no figures): a table whose body starts on the next page. Columns are the
    /// header's leaves.
    /// </summary>
    private static RawTable? HeaderOnly(List<TextRow> block)
    {
        if (block.Count > 2 || !block.Exists(r => r.Runs.Count >= 3)
            || block.Exists(r => r.Runs.Exists(x => TableDecorator.IsDataText(x.Text) || x.Text.Length > 16 || !x.Text.Any(CharClass.IsCjk)
                || x.Text.Contains('：', StringComparison.Ordinal) || x.Text.Contains(':', StringComparison.Ordinal))))
        {
            return null;
        }

        var runs = block.SelectMany(r => r.Runs).ToList();
        static bool Overlap(Box a, Box b) => Math.Min(a.Right, b.Right) - Math.Max(a.Left, b.Left) > 0.5;
        var leaves = runs.Where(a => !runs.Exists(b => b != a && b.Box.Top >= a.Box.Bottom - 1 && Overlap(a.Box, b.Box)))
            .Select(a => a.Box).OrderBy(b => b.Left).ToList();
        var colLines = new List<double> { block.Min(r => r.Box.Left) - 1 };
        var right = leaves[0].Right;
        foreach (var leaf in leaves.Skip(1))
        {
            if (leaf.Left > right)
            {
                colLines.Add((right + leaf.Left) / 2);
            }

            right = Math.Max(right, leaf.Right);
        }

        colLines.Add(Math.Max(right, block.Max(r => r.Box.Right)) + 1);
        if (colLines.Count < 4)
        {
            return null;
        }

        var slots = AssignSlots(block, colLines);
        var rowLines = new List<double> { block[0].Box.Top - 1 };
        for (var r = 1; r < block.Count; r++)
        {
            rowLines.Add((block[r - 1].Box.Bottom + block[r].Box.Top) / 2);
        }

        rowLines.Add(block[^1].Box.Bottom + 1);
        var cells = new List<RawCell>();
        for (var r = 0; r < block.Count; r++)
        {
            foreach (var (col, span, glyphs) in slots[r].OrderBy(x => x.Col))
            {
                cells.Add(new RawCell(r, col, 1, span, new Box(colLines[col], rowLines[r], colLines[col + span], rowLines[r + 1]), LineBuilder.CellText(glyphs)));
            }
        }

        return new RawTable { Bounds = new Box(colLines[0], rowLines[0], colLines[^1], rowLines[^1]), RowLines = rowLines, ColLines = colLines, Cells = cells, Method = "stream" };
    }

    private static bool IsTotalText(string text)
    {
        var s = new string(text.Where(ch => !char.IsWhiteSpace(ch)).ToArray());
        return s is "合计" or "总计";
    }

    /// <summary>
    /// Columns left blank in every body line (blank zeros) show only in the header, often as wrapped words at
    /// different heights (政府性基金预/算拨款收入 beside 事业收入), and beyond the last figure. The header's leaves
    /// (words with no header word under them) that fall apart inside one column are columns of their own: a cut
    /// goes in the widest stretch of the gap between them that no body text and no header word crosses (words
    /// over several words of the level below, the parents, excepted).
    /// </summary>
    private static List<double> HeaderLeafCuts(List<TextRow> block, int headerEnd, List<double> cuts, int[] cover,
        double bodyL, double left, double right)
    {
        var added = new List<double>();
        if (headerEnd < 1)
        {
            return added;
        }

        static bool Overlap(Box a, Box b) => Math.Min(a.Right, b.Right) - Math.Max(a.Left, b.Left) > 0.5;
        var runs = block.Take(headerEnd).SelectMany(r => r.Runs).ToList();
        var leaves = runs.Where(a => !runs.Exists(b => b != a && b.Box.Top >= a.Box.Bottom - 1 && Overlap(a.Box, b.Box)))
            .Select(a => a.Box).ToList();
        var blocking = runs.Where(a => runs.Count(b => b != a && b.Box.Top >= a.Box.Bottom - 1 && Overlap(a.Box, b.Box)) < 2)
            .Select(a => a.Box).ToList();
        if (Debug)
        {
            Console.Error.WriteLine("leaves " + string.Join(" ", leaves.Select(b => $"[{b.Left:F0}-{b.Right:F0} {b.Top:F0}-{b.Bottom:F0}]")) + " cuts " + string.Join(",", cuts.Select(c => c.ToString("F0", System.Globalization.CultureInfo.InvariantCulture))));
            Console.Error.WriteLine("runs " + string.Join(" | ", runs.Select(b => $"{b.Text} [{b.Box.Left:F0}-{b.Box.Right:F0} {b.Box.Top:F0}-{b.Box.Bottom:F0}]")));
        }

        var edges = new List<double> { left };
        edges.AddRange(cuts.Order());
        edges.Add(right);
        for (var c = 0; c + 1 < edges.Count; c++)
        {
            var inColumn = leaves.Where(b => b.Left >= edges[c] - 1 && b.Right <= edges[c + 1] + 1).OrderBy(b => b.Left).ToList();
            // Leaves side by side on one header level (their lines overlap in height); a word above another one
            // beside it is a parent centred over more than its column (收入 over 项目|决算数).
            var end = inColumn.Count > 0 ? inColumn[0].Right : 0;
            var before = inColumn.Count > 0 ? inColumn[0] : default;
            for (var i = 1; i < inColumn.Count; i++)
            {
                var leaf = inColumn[i];
                // Packed headers centre a cell over both levels half a line above the lower level's words: boxes that
                // touch are side by side too (因公出国（境）费 beside 公务用车's 小计).
                var level = inColumn.Take(i).Any(b => Math.Min(b.Bottom, leaf.Bottom) - Math.Max(b.Top, leaf.Top) > -0.1 * leaf.Height);
                if (level && leaf.Left - end >= 0.3 * leaf.Height && LeafCut(before, leaf, end, blocking, cover, bodyL) is { } cut)
                {
                    added.Add(cut);
                }

                if (leaf.Right > end)
                {
                    end = leaf.Right;
                    before = leaf;
                }
            }
        }

        return added;
    }

    /// <summary>
    /// The cut between two side-by-side header leaves of one body column, between <paramref name="end"/> (the right of
    /// <paramref name="left"/>) and <paramref name="right"/>. Body text in that gap (right-aligned figures under a
    /// centred header) belongs to the leaf whose centre is nearer: the cut goes on the other side of it.
    /// </summary>
    private static double? LeafCut(Box left, Box right, double end, List<Box> blocking, int[] cover, double bodyL)
    {
        bool Covered(int bin) => bin >= 0 && bin < cover.Length && cover[bin] > 0;
        var from = (int)Math.Ceiling(end - bodyL);
        var to = (int)Math.Floor(right.Left - bodyL);
        var inGap = Enumerable.Range(from, Math.Max(0, to - from + 1)).Where(Covered).ToList();
        if (inGap.Count > 0)
        {
            int lo = inGap[0], hi = inGap[^1];
            while (Covered(lo - 1))
            {
                lo--;
            }

            while (Covered(hi + 1))
            {
                hi++;
            }

            var centre = bodyL + ((lo + hi + 1) / 2.0);
            var toLeft = Math.Abs(centre - left.CenterX) <= Math.Abs(centre - right.CenterX);
            var side = toLeft
                ? FreeStretch(Math.Max(end, bodyL + hi + 1), right.Left, blocking, cover, bodyL)
                : FreeStretch(end, Math.Min(right.Left, bodyL + lo), blocking, cover, bodyL);
            if (side is not null)
            {
                return side;
            }
        }

        return FreeStretch(end, right.Left, blocking, cover, bodyL);
    }

    /// <summary>Middle of the widest stretch (at least 1 pt) of [from, to] that no body run and no blocking box covers.</summary>
    private static double? FreeStretch(double from, double to, List<Box> blocking, int[] cover, double bodyL)
    {
        double? best = null;
        var widest = 1.0;
        double? start = null;
        // One step past `to` always closes a stretch that runs to the end of the range.
        for (var x = from; x <= to + 0.5; x += 0.5)
        {
            var bin = (int)Math.Floor(x - bodyL);
            var free = x <= to && (bin < 0 || bin >= cover.Length || cover[bin] == 0) && !blocking.Exists(b => b.Left <= x && b.Right >= x);
            if (free)
            {
                start ??= x;
            }
            else if (start is { } s0)
            {
                if (x - 0.5 - s0 >= widest)
                {
                    widest = x - 0.5 - s0;
                    best = (s0 + x - 0.5) / 2;
                }

                start = null;
            }
        }

        return best;
    }

    private static RawTable? BuildTable(List<TextRow> block, ExtractionOptions options)
    {
        // Trim single-run rows at the ends that sit at the left margin (captions, labels without data).
        var multi = block.Count(r => r.Runs.Count >= 2);
        if (multi < Math.Min(options.MinStreamRows, 3) - 1)
        {
            return null;
        }

        // A single-run row inside the table's column (a row label of an inner column whose figures are blank, as the
        // last lines of a two-sided table cut at the page bottom) stays; notes and labels at the margin go.
        var left0 = block.Count > 0 ? block.Min(r => r.Box.Left) : 0;
        if (EmptyTemplate(block, left0) is { } template)
        {
            return template;
        }

        while (block.Count > 0 && block[^1].Runs.Count < 2 && !IsInnerColumnRow(block, block.Count - 1, left0))
        {
            block.RemoveAt(block.Count - 1);
        }

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

        // A short table: at least two body lines of three cells, or one line of figures under a header (三公 table).
        var figuresUnderHeader = block.Count >= 3 && maxRuns >= 4
            && body.All(r => r.Runs.Count(x => TableDecorator.IsDataText(x.Text)) * 10 >= r.Runs.Count * 6);
        if (body.Count < options.MinStreamRows && !(body.Count >= 2 && maxRuns >= 3) && !figuresUnderHeader)
        {
            return null;
        }

        // Gutters come from the lines from the first line with figures down: the header lines above it cross the
        // gutters with spanning words (基本支出 over three columns) and are fitted to the columns afterwards.
        var firstFigures = body.FindIndex(r => r.Runs.Exists(x => TableDecorator.IsDataText(x.Text)));
        if (firstFigures > 0)
        {
            var figureRuns = body.Skip(firstFigures).Max(r => r.Runs.Count);
            body = body.Skip(firstFigures).Where(r => r.Runs.Count >= Math.Max(2, 0.6 * figureRuns)).ToList();
            maxRuns = Math.Max(figureRuns, maxRuns);
        }

        var minL = block.Min(r => r.Box.Left);
        var maxR = block.Max(r => r.Box.Right);
        var bodyL = body.Min(r => r.Box.Left);
        var bodyR = body.Max(r => r.Box.Right);
        var bins = (int)Math.Ceiling(bodyR - bodyL) + 1;
        var cover = new int[bins];

        // Figures never span columns: a gutter may be crossed by a few words (spanning labels), never by a figure,
        // so that a column with few figures (blank zeros) keeps its own gutters.
        var figureCover = new bool[bins];
        foreach (var row in body)
        {
            foreach (var run in row.Runs)
            {
                var a = Math.Max(0, (int)Math.Floor(run.Box.Left - bodyL));
                var b = Math.Min(bins - 1, (int)Math.Ceiling(run.Box.Right - bodyL));
                var figure = TableDecorator.IsDataText(run.Text);
                for (var i = a; i <= b; i++)
                {
                    cover[i]++;
                    figureCover[i] |= figure;
                }
            }
        }

        var allowed = body.Count >= 4 ? Math.Max(1, body.Count / 4) : 0;
        var cuts = new List<double>();
        var k = 0;
        while (k < bins)
        {
            if (cover[k] <= allowed && !figureCover[k])
            {
                var start = k;
                while (k < bins && cover[k] <= allowed && !figureCover[k])
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

        // Columns without figures (all blank) show only in the header: two header words on one line inside one
        // body column, with no figure under the gap between them, are two columns.
        var headerEnd = block.FindIndex(r => r.Runs.Exists(x => TableDecorator.IsDataText(x.Text)));
        var bodyCuts = cuts.Order().ToList();
        // A header word of another line between the two (a wrapped 事业单位经/营收入 half a line up between 事业收入
        // and 其他收入) is a column of its own: the cut would go through it. Parents over several words do not count.
        var headerRuns = block.Take(Math.Max(0, headerEnd)).SelectMany(r => r.Runs).ToList();
        var crossing = headerRuns.Where(a => headerRuns.Count(b => b != a && b.Box.Top >= a.Box.Bottom - 1
            && Math.Min(a.Box.Right, b.Box.Right) - Math.Max(a.Box.Left, b.Box.Left) > 0.5) < 2).ToList();
        for (var r = 0; r < headerEnd; r++)
        {
            var runs = block[r].Runs;
            for (var i = 1; i < runs.Count; i++)
            {
                var from = runs[i - 1].Box.Right;
                var to = runs[i].Box.Left;

                // Both words inside one body column.
                var colLeft = bodyCuts.LastOrDefault(x => x <= runs[i - 1].Box.Left, bodyL);
                var colRight = bodyCuts.FirstOrDefault(x => x >= runs[i].Box.Right, bodyR);
                if (from < bodyL || to > bodyR || bodyCuts.Exists(x => x > runs[i - 1].Box.Left && x < runs[i].Box.Right)
                    || runs[i - 1].Box.Left < colLeft || runs[i].Box.Right > colRight)
                {
                    continue;
                }

                var clear = true;
                for (var x = (int)Math.Ceiling(from - bodyL); x <= (int)Math.Floor(to - bodyL) && clear; x++)
                {
                    clear = x < 0 || x >= bins || !figureCover[x];
                }

                var mid = (from + to) / 2;
                if (clear && !crossing.Exists(a => a.Box.Left < mid && a.Box.Right > mid))
                {
                    cuts.Add(mid);
                }
            }
        }

        cuts.AddRange(HeaderLeafCuts(block, headerEnd, cuts, cover, bodyL, Math.Min(minL, bodyL), Math.Max(maxR, bodyR)));
        cuts.Sort();
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
        // Every text line becomes a row; runs go to the columns they overlap. Cuts that leave a column without
        // a cell of its own, or that part a header-only column from a figures-only one, are dropped.
        var slots = AssignSlots(block, colLines);
        while (colLines.Count > 2)
        {
            var drop = RedundantCut(slots, colLines.Count - 1);
            if (drop < 0)
            {
                break;
            }

            colLines.RemoveAt(drop + 1);
            cuts.RemoveAt(drop);
            slots = AssignSlots(block, colLines);
        }

        if (colLines.Count < 3)
        {
            return null;
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

        // A header of several text lines (wrapped header cells, header levels) becomes header rows with spans.
        var firstData = Array.FindIndex(slots, row => row.Exists(x => TableDecorator.IsDataText(LineBuilder.RunText(x.Glyphs))));
        var header = firstData >= 2 ? BuildHeader(slots, firstData, colLines) : null;
        var bodyFrom = header is null ? 0 : firstData;

        var rowLines = new List<double>();
        var cells = new List<RawCell>();
        if (header is not null)
        {
            rowLines.AddRange(header.Value.RowLines);
            rowLines.RemoveAt(rowLines.Count - 1);
            cells.AddRange(header.Value.Cells);
        }

        var offset = rowLines.Count - bodyFrom;
        for (var r = bodyFrom; r < block.Count; r++)
        {
            rowLines.Add(r == 0 ? block[0].Box.Top - 1 : (block[r - 1].Box.Bottom + block[r].Box.Top) / 2);
        }

        rowLines.Add(block[^1].Box.Bottom + 1);
        for (var r = bodyFrom; r < block.Count; r++)
        {
            var row = r + offset;
            foreach (var (col, span, glyphs) in slots[r].OrderBy(s => s.Col))
            {
                var box = new Box(colLines[col], rowLines[row], colLines[col + span], rowLines[row + 1]);
                cells.Add(new RawCell(row, col, 1, span, box, LineBuilder.CellText(glyphs)) { TextBox = GridMath.BoundsOf(glyphs) });
            }
        }

        if (header is not null)
        {
            // Header cell boxes were made with the header's own lines; the last one is the header/body boundary.
            for (var i = 0; i < cells.Count; i++)
            {
                var c = cells[i];
                if (c.Row < header.Value.Rows)
                {
                    cells[i] = c with { Box = new Box(colLines[c.Col], rowLines[c.Row], colLines[c.Col + c.ColSpan], rowLines[c.Row + c.RowSpan]) };
                }
            }
        }

        var bounds = new Box(colLines[0], rowLines[0], colLines[^1], rowLines[^1]);
        return new RawTable { Bounds = bounds, RowLines = rowLines, ColLines = colLines, Cells = cells, Method = "stream" };
    }

    private static List<(int Col, int Span, List<Glyph> Glyphs)>[] AssignSlots(List<TextRow> block, List<double> colLines)
    {
        var cols = colLines.Count - 1;
        var cuts = colLines.Skip(1).Take(cols - 1).ToList();
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

        return slots;
    }

    /// <summary>
    /// Index c of a cut (between columns c and c+1) that separates nothing: column c+1 (or c) never starts a cell
    /// of its own (only runs from the neighbour reach into it), or no line has text in both columns and one holds
    /// only header words while the other holds only figures (a header not aligned with its figures). -1 when none.
    /// </summary>
    private static int RedundantCut(List<(int Col, int Span, List<Glyph> Glyphs)>[] slots, int cols)
    {
        var starts = new int[cols];
        var data = new int[cols];
        var words = new int[cols];
        var both = new int[cols];
        foreach (var row in slots)
        {
            var own = new bool[cols];
            foreach (var (col, span, glyphs) in row)
            {
                starts[col]++;
                if (span == 1)
                {
                    own[col] = true;
                    if (TableDecorator.IsDataText(LineBuilder.RunText(glyphs)))
                    {
                        data[col]++;
                    }
                    else
                    {
                        words[col]++;
                    }
                }
            }

            for (var c = 0; c + 1 < cols; c++)
            {
                if (own[c] && own[c + 1])
                {
                    both[c]++;
                }
            }
        }

        for (var c = 0; c + 1 < cols; c++)
        {
            if (starts[c + 1] == 0 || starts[c] == 0)
            {
                return c;
            }
        }

        for (var c = 0; c + 1 < cols; c++)
        {
            var complementary = both[c] == 0 && ((data[c] == 0 && words[c + 1] == 0 && words[c] > 0 && data[c + 1] > 0)
                || (words[c] == 0 && data[c + 1] == 0 && data[c] > 0 && words[c + 1] > 0));
            if (complementary)
            {
                return c;
            }
        }

        return -1;
    }

    private sealed class HeaderItem(int col, int span, List<Glyph> glyphs)
    {
        public int Col { get; set; } = col;
        public int Span { get; set; } = span;
        public List<Glyph> Glyphs { get; } = glyphs;
        public Box Box { get; set; } = GridMath.BoundsOf(glyphs);
        public double Size { get; } = glyphs.Max(g => g.Size);
        public int Row { get; set; }
        public int RowSpan { get; set; } = 1;
        public int Last => Col + Span - 1;
        public bool SharesColumns(HeaderItem o) => Col <= o.Last && o.Col <= Last;
    }

    /// <summary>
    /// Header of a borderless table from its text lines above the first figure: lines of one column that follow
    /// closely are one wrapped cell; the gaps between a cell and the cells under it in its columns give the header
    /// rows; a cell with cells under it spans the columns it is centred over (基本支出 over 小计|人员经费|公用经费);
    /// a cell alone in its columns spans the header's height (科目编码).
    /// </summary>
    private static (List<RawCell> Cells, List<double> RowLines, int Rows)? BuildHeader(
        List<(int Col, int Span, List<Glyph> Glyphs)>[] slots, int firstData, List<double> colLines)
    {
        var items = new List<HeaderItem>();
        for (var r = 0; r < firstData; r++)
        {
            foreach (var (col, span, glyphs) in slots[r])
            {
                if (glyphs.Count > 0)
                {
                    items.Add(new HeaderItem(col, span, [.. glyphs]));
                }
            }
        }

        if (items.Count == 0)
        {
            return null;
        }

        items.Sort((a, b) => a.Box.Top.CompareTo(b.Box.Top));
        var merged = true;
        while (merged)
        {
            merged = false;
            for (var i = 0; i < items.Count && !merged; i++)
            {
                for (var j = i + 1; j < items.Count; j++)
                {
                    var a = items[i];
                    var b = items[j];
                    var gap = b.Box.Top - a.Box.Bottom;
                    if (a.SharesColumns(b) && gap > -0.3 * a.Size && gap < 0.5 * Math.Min(a.Size, b.Size))
                    {
                        a.Glyphs.AddRange(b.Glyphs);
                        a.Box = a.Box.Union(b.Box);
                        var first = Math.Min(a.Col, b.Col);
                        a.Span = Math.Max(a.Last, b.Last) - first + 1;
                        a.Col = first;
                        items.RemoveAt(j);
                        merged = true;
                        break;
                    }
                }
            }
        }

        // Boundaries between a cell and the nearest cell under it in its columns.
        var size = items.Select(i => i.Size).Order().ElementAt(items.Count / 2);
        var bounds = new List<double>();
        foreach (var a in items)
        {
            HeaderItem? below = null;
            foreach (var b in items)
            {
                if (b != a && a.SharesColumns(b) && b.Box.Top >= a.Box.Bottom - 1 && (below is null || b.Box.Top < below.Box.Top))
                {
                    below = b;
                }
            }

            if (below is not null)
            {
                // Just under the upper cell: cells under it are centred in rows of different heights.
                bounds.Add(a.Box.Bottom + Math.Min((below.Box.Top - a.Box.Bottom) / 2, 0.3 * a.Size));
            }
        }

        var lines = GridMath.Cluster(bounds, 0.6 * size);
        if (Debug)
        {
            foreach (var it in items)
            {
                Console.Error.WriteLine($"  header item {it.Col}+{it.Span} {it.Box.Top:F0}-{it.Box.Bottom:F0} {LineBuilder.CellText(it.Glyphs)}");
            }

            Console.Error.WriteLine($"  bounds {string.Join(",", bounds.Select(b => b.ToString("F0", System.Globalization.CultureInfo.InvariantCulture)))}");
        }

        var top = items.Min(i => i.Box.Top) - 1;
        var bottom = items.Max(i => i.Box.Bottom) + 1;
        var rowLines = new List<double> { top };
        rowLines.AddRange(lines.Where(y => y > top && y < bottom));
        rowLines.Add(bottom);
        var rows = rowLines.Count - 1;
        var cols = colLines.Count - 1;
        var grid = new HeaderItem?[rows, cols];
        var placed = new List<HeaderItem>();
        foreach (var item in items.OrderBy(i => i.Box.Top))
        {
            item.Row = Math.Clamp(GridMath.Locate(rowLines, item.Box.CenterY), 0, rows - 1);
            var clash = placed.FirstOrDefault(p => p.Row == item.Row && p.SharesColumns(item));
            if (clash is not null)
            {
                clash.Glyphs.AddRange(item.Glyphs);
                clash.Box = clash.Box.Union(item.Box);
                var first = Math.Min(clash.Col, item.Col);
                clash.Span = Math.Max(clash.Last, item.Last) - first + 1;
                clash.Col = first;
                continue;
            }

            placed.Add(item);
        }

        foreach (var item in placed)
        {
            for (var c = item.Col; c <= item.Last; c++)
            {
                grid[item.Row, c] ??= item;
            }
        }

        bool HasBelow(int row, int col)
        {
            for (var r = row + 1; r < rows; r++)
            {
                if (grid[r, col] is not null)
                {
                    return true;
                }
            }

            return false;
        }

        HeaderItem? Below(int row, int col)
        {
            for (var r = row + 1; r < rows; r++)
            {
                if (grid[r, col] is { } b)
                {
                    return b;
                }
            }

            return null;
        }

        var alone = placed.Where(p => !placed.Exists(o => o != p && o.SharesColumns(p))).ToHashSet();

        // A parent cell spans the free columns with cells under them, the span it is best centred over.
        foreach (var item in placed.OrderBy(i => i.Row).ThenBy(i => i.Col))
        {
            if (!Enumerable.Range(item.Col, item.Span).Any(c => HasBelow(item.Row, c)))
            {
                continue;
            }

            // A cell beside the parent that stands alone in its column (as placed, before spans) is its child when it
            // is centred on the part of the header under the parent; centred on the parent's level and below, it is
            // the parent's sibling spanning those levels (合计 beside 基本支出, 基本支出's 小计 beside 人员经费,
            // 因公出国（境）费 beside 公务用车购置及运行费: header levels only a line apart).
            var childMid = (item.Box.Bottom + bottom) / 2;
            var siblingMid = (item.Box.Top + bottom) / 2;
            bool Sibling(HeaderItem b) => alone.Contains(b) && Math.Abs(b.Box.CenterY - siblingMid) < Math.Abs(b.Box.CenterY - childMid);
            bool Child(int col) => HasBelow(item.Row, col) && Below(item.Row, col) is { } b && !Sibling(b);
            var lo = item.Col;
            while (lo > 0 && grid[item.Row, lo - 1] is null && Child(lo - 1))
            {
                lo--;
            }

            var hi = item.Last;
            while (hi < cols - 1 && grid[item.Row, hi + 1] is null && Child(hi + 1))
            {
                hi++;
            }

            // The widest span centred under the cell (within a third of its own column's width), else the best centred.
            int bestA = item.Col, bestB = item.Last;
            var best = double.MaxValue;
            var widest = -1;
            var slack = (colLines[item.Last + 1] - colLines[item.Col]) / 3;
            for (var a = lo; a <= item.Col; a++)
            {
                for (var b = item.Last; b <= hi; b++)
                {
                    var d = Math.Abs(item.Box.CenterX - ((colLines[a] + colLines[b + 1]) / 2));
                    var centred = d <= slack;
                    if ((centred && b - a > widest) || (widest < 0 && !centred && d < best))
                    {
                        if (centred)
                        {
                            widest = b - a;
                        }

                        best = d;
                        bestA = a;
                        bestB = b;
                    }
                }
            }

            item.Col = bestA;
            item.Span = bestB - bestA + 1;
            for (var c = bestA; c <= bestB; c++)
            {
                grid[item.Row, c] = item;
            }
        }

        // Cells extend up and down into free rows (a cell alone in its column spans the header's height).
        foreach (var item in placed)
        {
            bool Free(int r) => Enumerable.Range(item.Col, item.Span).All(c => grid[r, c] is null);
            var r0 = item.Row;
            while (r0 > 0 && Free(r0 - 1))
            {
                r0--;
            }

            var r1 = item.Row;
            while (r1 < rows - 1 && Free(r1 + 1))
            {
                r1++;
            }

            for (var r = r0; r <= r1; r++)
            {
                for (var c = item.Col; c <= item.Last; c++)
                {
                    grid[r, c] = item;
                }
            }

            item.Row = r0;
            item.RowSpan = r1 - r0 + 1;
        }

        var cells = placed
            .OrderBy(i => i.Row).ThenBy(i => i.Col)
            .Select(i => new RawCell(i.Row, i.Col, i.RowSpan, i.Span, i.Box, LineBuilder.CellText(i.Glyphs)))
            .ToList();
        return (cells, rowLines, rows);
    }
}
