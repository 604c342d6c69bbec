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

        var rows = LineBuilder.BuildRows(free, RunGap);
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
            if (prose || crossesExclusion || gapBreak)
            {
                Close();
            }

            if (!prose && !crossesExclusion)
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
                    cuts.Add(bodyL + ((start + k) / 2.0));
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

        var colLines = new List<double> { Math.Min(minL, bodyL) - 1 };
        colLines.AddRange(cuts);
        colLines.Add(Math.Max(maxR, bodyR) + 1);
        var cols = colLines.Count - 1;

        // Every text line becomes a row; runs go to the columns they overlap.
        var slots = new List<(int Col, int Span, List<Glyph> Glyphs)>[block.Count];
        for (var r = 0; r < block.Count; r++)
        {
            slots[r] = [];
            foreach (var run in block[r].Runs)
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
