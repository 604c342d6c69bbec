using Ingest.Core.Layout;

namespace Ingest.Pdf.Tables;

/// <summary>
/// Joins tables that run over pages: the first table of a page continues the last table of the page
/// before when it has no title of its own and the same columns (count and x positions). A header
/// repeated at the top of the continuation is dropped from the joined grid.
/// </summary>
internal static class ContinuationJoiner
{
    public static List<LogicalTable> Join(IReadOnlyList<PageLayout> pages, ExtractionOptions options)
    {
        var groups = new List<List<TableFragment>>();
        List<TableFragment>? open = null;
        var openPage = -1;
        foreach (var page in pages)
        {
            for (var i = 0; i < page.Tables.Count; i++)
            {
                var frag = page.Tables[i];
                var continues = options.JoinContinuations && open is not null && i == 0
                    && openPage == page.Number - 1 && IsContinuation(open[^1], frag, options);
                if (continues)
                {
                    open!.Add(frag);
                }
                else
                {
                    open = [frag];
                    groups.Add(open);
                }
            }

            openPage = page.Tables.Count > 0 ? page.Number : (open is null ? -1 : openPage);
        }

        return groups.Select(Build).ToList();
    }

    public static bool IsContinuation(TableFragment previous, TableFragment next, ExtractionOptions options)
    {
        var continued = next.Captions.Any(c => c.Contains("续表", StringComparison.Ordinal))
            || (next.Title?.Contains("续表", StringComparison.Ordinal) ?? false);
        if (next.Title is not null && !continued)
        {
            return false;
        }

        if (previous.ColCount != next.ColCount || previous.Method != next.Method)
        {
            return false;
        }

        var tol = options.ContinuationColumnTolerance;
        var stream = previous.Method == "stream";
        var lines = previous.ColLefts.Append(previous.Bounds.Right).ToList();
        var nextLines = next.ColLefts.Append(next.Bounds.Right).ToList();
        for (var c = 0; c < lines.Count && c < nextLines.Count; c++)
        {
            // Borderless columns are cut in the middle of the whitespace between them, which moves with the
            // widest text of each page: allow a shift of up to 40% of the narrower neighbouring column.
            var allowed = tol;
            if (stream)
            {
                var left = c > 0 ? lines[c] - lines[c - 1] : double.MaxValue;
                var right = c + 1 < lines.Count ? lines[c + 1] - lines[c] : double.MaxValue;
                allowed = Math.Max(tol, 0.4 * Math.Min(left, right));
            }

            if (Math.Abs(lines[c] - nextLines[c]) > allowed)
            {
                return false;
            }
        }

        return true;
    }

    private static List<string> RowTexts(TableFragment f, int row)
    {
        var grid = TableGrid.Of(f);
        return grid.RowTexts(row).Select(t => new string(t.Where(ch => !char.IsWhiteSpace(ch)).ToArray())).ToList();
    }

    /// <summary>Number of rows at the top of <paramref name="next"/> that repeat the header of <paramref name="first"/>.</summary>
    public static int RepeatedHeaderRows(TableFragment first, TableFragment next)
    {
        var k = first.HeaderRows;
        if (k == 0 || next.RowCount <= k)
        {
            return 0;
        }

        for (var r = 0; r < k; r++)
        {
            if (!RowTexts(first, r).SequenceEqual(RowTexts(next, r)))
            {
                return 0;
            }
        }

        return k;
    }

    private static LogicalTable Build(List<TableFragment> fragments)
    {
        var first = fragments[0];
        var cells = new List<TableCell>();
        var rowPages = new List<int>();
        var offset = 0;
        for (var i = 0; i < fragments.Count; i++)
        {
            var f = fragments[i];
            var drop = i == 0 ? 0 : RepeatedHeaderRows(first, f);
            foreach (var c in f.Cells)
            {
                if (c.Row < drop)
                {
                    continue;
                }

                var span = Math.Min(c.RowSpan, f.RowCount - c.Row);
                cells.Add(c with { Row = c.Row - drop + offset, RowSpan = Math.Max(1, span) });
            }

            for (var r = drop; r < f.RowCount; r++)
            {
                rowPages.Add(f.Page);
            }

            offset += f.RowCount - drop;
        }

        return new LogicalTable
        {
            Fragments = fragments,
            RowCount = offset,
            ColCount = first.ColCount,
            Cells = cells,
            RowPages = rowPages,
            HeaderRows = first.HeaderRows,
        };
    }
}
