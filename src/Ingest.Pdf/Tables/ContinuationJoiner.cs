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
                var candidate = options.JoinContinuations && open is not null && i == 0 && openPage == page.Number - 1;
                if (candidate && IsContinuation(open![^1], frag, options))
                {
                    open.Add(frag);
                }
                else if (candidate && Regrid(open![^1], frag) is { } regridded)
                {
                    open.Add(regridded);
                }
                else if (candidate && RegridRuled(open![^1], frag, options) is { } ruled)
                {
                    open.Add(ruled);
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

    /// <summary>
    /// A borderless continuation whose own gutters came out differently (fewer columns where a page's part of the table
    /// leaves some columns blank, cuts moved with the widest text): when it has no title and no spanning cell, and the
    /// text of each of its cells lies in one column of the table it follows, in the same order on every row, it is that
    /// table's continuation, re-gridded to its columns. Null when it is not.
    /// </summary>
    public static TableFragment? Regrid(TableFragment previous, TableFragment next)
    {
        // A ruled table continues borderless only as its lone total row (合计 under a ruled header that ends a page).
        var ruledTotal = previous.Method == "lattice" && next.RowCount == 1;
        if ((previous.Method != "stream" && !ruledTotal) || next.Method != "stream" || HasOwnTitle(next) || previous.ColLefts.Count != previous.ColCount)
        {
            return null;
        }

        var lines = previous.ColLefts.Append(previous.Bounds.Right).ToList();
        var cells = new List<TableCell>();
        foreach (var row in next.Cells.Where(c => c.Text.Length > 0).GroupBy(c => c.Row))
        {
            var last = -1;
            foreach (var cell in row.OrderBy(c => c.Col))
            {
                if (cell.ColSpan != 1 || cell.RowSpan != 1)
                {
                    return null;
                }

                // Where the text lies, not the cell: a continuation's own column may cover several of the table's.
                var col = ColumnAt(lines, cell.TextBox.Width > 0 ? cell.TextBox.CenterX : cell.Box.CenterX);
                if (col <= last)
                {
                    return null;
                }

                last = col;
                cells.Add(cell with { Col = col });
            }
        }

        return cells.Count == 0 ? null : OnColumnsOf(previous, next, cells);
    }

    /// <summary>
    /// A ruled continuation with fewer columns because a row spans some of them without inner rulings (the table's
    /// 合计 row alone at the top of the next page, its label across the code columns): when it has no title and no
    /// header, and each of its column lines is one of the table's (both outer edges included), it is that table's
    /// continuation, each cell spanning the table's columns between its lines. Null when it is not.
    /// </summary>
    public static TableFragment? RegridRuled(TableFragment previous, TableFragment next, ExtractionOptions options)
    {
        if (previous.Method != "lattice" || next.Method != "lattice" || HasOwnTitle(next) || next.HeaderRows > 0
            || next.ColCount >= previous.ColCount || previous.ColLefts.Count != previous.ColCount || next.ColLefts.Count != next.ColCount)
        {
            return null;
        }

        var lines = previous.ColLefts.Append(previous.Bounds.Right).ToList();
        var nextLines = next.ColLefts.Append(next.Bounds.Right).ToList();
        var map = new int[nextLines.Count];
        for (var i = 0; i < nextLines.Count; i++)
        {
            var x = nextLines[i];
            var best = Enumerable.Range(0, lines.Count).MinBy(j => Math.Abs(lines[j] - x));
            if (Math.Abs(lines[best] - x) > options.ContinuationColumnTolerance || (i > 0 && best <= map[i - 1]))
            {
                return null;
            }

            map[i] = best;
        }

        if (map[0] != 0 || map[^1] != lines.Count - 1)
        {
            return null;
        }

        var cells = next.Cells
            .Select(c => c with { Col = map[c.Col], ColSpan = map[c.Col + c.ColSpan] - map[c.Col] })
            .ToList();
        return OnColumnsOf(previous, next, cells);
    }

    /// <summary>The continuation <paramref name="next"/> with its cells placed on the columns of <paramref name="previous"/>.</summary>
    private static TableFragment OnColumnsOf(TableFragment previous, TableFragment next, List<TableCell> cells) => new TableFragment
    {
        Page = next.Page,
        Bounds = next.Bounds,
        RowCount = next.RowCount,
        ColCount = previous.ColCount,
        Cells = cells,
        Method = next.Method,
        Title = next.Title,
        UnitText = next.UnitText,
        Captions = next.Captions,
        Notes = next.Notes,
        HeaderRows = 0,
        RowTops = next.RowTops,
        ColLefts = previous.ColLefts,
    };

    /// <summary>Column whose band holds x; -1 when x lies outside the table by more than half its outer column.</summary>
    private static int ColumnAt(List<double> lines, double x)
    {
        var n = lines.Count - 1;
        if (x < lines[0] - 0.5 * (lines[1] - lines[0]) || x > lines[n] + 0.5 * (lines[n] - lines[n - 1]))
        {
            return -1;
        }

        return Math.Clamp(GridMath.Locate(lines, Math.Clamp(x, lines[0], lines[n])), 0, n - 1);
    }

    private static bool HasOwnTitle(TableFragment next) =>
        next.Title is not null && !next.Title.Contains("续表", StringComparison.Ordinal);

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
