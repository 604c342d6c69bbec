using Ingest.Core.Layout;
using Ingest.Pdf.Text;

namespace Ingest.Pdf.Tables;

/// <summary>Finds ruled tables: groups of crossing rulings, their grid, spans from missing inner rulings.</summary>
internal static class LatticeDetector
{
    private const double Tol = 3.0;

    /// <summary>Detects ruled tables; <paramref name="used"/> gets the indexes of glyphs placed in a table.</summary>
    public static List<RawTable> Detect(PageContent page, bool[] used)
    {
        var h = page.Rulings.Where(r => r.Horizontal).ToList();
        var v = page.Rulings.Where(r => !r.Horizontal).ToList();
        var tables = new List<RawTable>();
        if (h.Count < 2 || v.Count < 2)
        {
            return tables;
        }

        // Union-find over all segments: h are 0..h.Count-1, v follow.
        var parent = Enumerable.Range(0, h.Count + v.Count).ToArray();
        int Find(int i)
        {
            while (parent[i] != i)
            {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }

            return i;
        }

        var vSorted = Enumerable.Range(0, v.Count).OrderBy(i => v[i].Pos).ToArray();
        var vPos = vSorted.Select(i => v[i].Pos).ToArray();
        for (var i = 0; i < h.Count; i++)
        {
            var hs = h[i];
            var k = LowerBound(vPos, hs.Start - Tol);
            for (; k < vPos.Length && vPos[k] <= hs.End + Tol; k++)
            {
                var vs = v[vSorted[k]];
                if (hs.Pos >= vs.Start - Tol && hs.Pos <= vs.End + Tol)
                {
                    var a = Find(i);
                    var b = Find(h.Count + vSorted[k]);
                    if (a != b)
                    {
                        parent[a] = b;
                    }
                }
            }
        }

        var groups = new Dictionary<int, (List<Ruling> H, List<Ruling> V)>();
        for (var i = 0; i < h.Count + v.Count; i++)
        {
            var root = Find(i);
            if (!groups.TryGetValue(root, out var g))
            {
                g = ([], []);
                groups[root] = g;
            }

            if (i < h.Count)
            {
                g.H.Add(h[i]);
            }
            else
            {
                g.V.Add(v[i - h.Count]);
            }
        }

        // Glyph index by x for quick region lookup.
        var glyphs = page.Glyphs;
        foreach (var (gh, gv) in groups.Values)
        {
            if (gh.Count < 2 || gv.Count < 2)
            {
                continue;
            }

            var table = BuildTable(gh, gv, glyphs, used);
            if (table is not null)
            {
                tables.Add(table);
            }
        }

        tables.Sort((a, b) => a.Bounds.Top.CompareTo(b.Bounds.Top));
        return tables;
    }

    private static int LowerBound(double[] values, double x)
    {
        int lo = 0, hi = values.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (values[mid] < x)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static RawTable? BuildTable(List<Ruling> h, List<Ruling> v, IReadOnlyList<Glyph> glyphs, bool[] used)
    {
        var xs = GridMath.Cluster(v.Select(s => s.Pos).Append(h.Min(s => s.Start)).Append(h.Max(s => s.End)), Tol);
        var ys = GridMath.Cluster(h.Select(s => s.Pos).Append(v.Min(s => s.Start)).Append(v.Max(s => s.End)), Tol);
        if (xs.Count < 3 || ys.Count < 2)
        {
            return null;
        }

        var bounds = new Box(xs[0], ys[0], xs[^1], ys[^1]);
        if (bounds.Width < 20 || bounds.Height < 8)
        {
            return null;
        }

        var inside = new List<int>();
        for (var i = 0; i < glyphs.Count; i++)
        {
            if (!used[i] && bounds.Contains(glyphs[i].CenterX, glyphs[i].CenterY))
            {
                inside.Add(i);
            }
        }

        if (inside.Count == 0)
        {
            return null;
        }

        DropEmptyColumns(xs, inside, glyphs);
        DropEmptySlivers(ys, inside, glyphs);
        if (xs.Count < 3 || ys.Count < 2)
        {
            return null;
        }

        var virtualLines = SubdivideRows(xs, ys, inside, glyphs);
        int rows = ys.Count - 1, cols = xs.Count - 1;

        // Ruling intervals per grid line.
        var vAt = new List<(double, double)>[xs.Count];
        var hAt = new List<(double, double)>[ys.Count];
        for (var i = 0; i < xs.Count; i++)
        {
            vAt[i] = [];
        }

        for (var i = 0; i < ys.Count; i++)
        {
            hAt[i] = [];
        }

        foreach (var s in v)
        {
            var i = Nearest(xs, s.Pos);
            if (Math.Abs(xs[i] - s.Pos) <= Tol)
            {
                vAt[i].Add((s.Start, s.End));
            }
        }

        foreach (var s in h)
        {
            var i = Nearest(ys, s.Pos);
            if (Math.Abs(ys[i] - s.Pos) <= Tol)
            {
                hAt[i].Add((s.Start, s.End));
            }
        }

        bool HasV(int line, int row) => Covered(vAt[line], ys[row], ys[row + 1]);
        bool HasH(int line, int col) => virtualLines.Contains(ys[line]) || Covered(hAt[line], xs[col], xs[col + 1]);

        // Glyphs into slots.
        var slotGlyphs = new List<Glyph>?[rows, cols];
        var assigned = new List<int>();
        var any = false;
        foreach (var i in inside)
        {
            var g = glyphs[i];
            var r = GridMath.Locate(ys, g.CenterY);
            var c = GridMath.Locate(xs, g.CenterX);
            if (r < 0 || c < 0)
            {
                continue;
            }

            (slotGlyphs[r, c] ??= []).Add(g);
            assigned.Add(i);
            used[i] = true;
            any = true;
        }

        if (!any)
        {
            return null;
        }

        var owner = new bool[rows, cols];
        var cells = new List<RawCell>();
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < cols; c++)
            {
                if (owner[r, c])
                {
                    continue;
                }

                var cs = 1;
                while (c + cs < cols && !owner[r, c + cs] && !HasV(c + cs, r))
                {
                    cs++;
                }

                var rs = 1;
                while (r + rs < rows)
                {
                    var open = true;
                    for (var k = c; k < c + cs && open; k++)
                    {
                        open = !owner[r + rs, k] && !HasH(r + rs, k);
                    }

                    if (!open)
                    {
                        break;
                    }

                    rs++;
                }

                var cellGlyphs = new List<Glyph>();
                for (var rr = r; rr < r + rs; rr++)
                {
                    for (var cc = c; cc < c + cs; cc++)
                    {
                        owner[rr, cc] = true;
                        if (slotGlyphs[rr, cc] is { } list)
                        {
                            cellGlyphs.AddRange(list);
                        }
                    }
                }

                if (cs > 1 && TrySplit(cellGlyphs, xs, r, c, rs, cs, ys, cells))
                {
                    continue;
                }

                var box = new Box(xs[c], ys[r], xs[c + cs], ys[r + rs]);
                cells.Add(new RawCell(r, c, rs, cs, box, LineBuilder.CellText(cellGlyphs)));
            }
        }

        // Charts and diagrams drawn with lines: mostly empty grids.
        var filled = cells.Count(c => c.Text.Length > 0);
        var spanning = cells.Count(c => c.RowSpan > 1 || c.ColSpan > 1);
        // Chinese disclosures print empty template tables (本表为空表): a mostly empty grid with Chinese text is kept.
        var chinese = cells.Any(c => c.Text.Any(CharClass.IsCjk));
        if (filled < 2 || (!chinese && (filled < cells.Count * 0.15 || (cells.Count > 12 && spanning > cells.Count * 0.7))))
        {
            foreach (var i in assigned)
            {
                used[i] = false;
            }

            return null;
        }

        return new RawTable { Bounds = bounds, RowLines = ys, ColLines = xs, Cells = cells, Method = "lattice" };
    }

    /// <summary>
    /// A cell spanning columns whose text falls apart into runs that each sit inside one grid column is
    /// not merged: the producer left out the inner rulings (rows separated by lines only). Split it.
    /// </summary>
    private static bool TrySplit(List<Glyph> glyphs, List<double> xs, int r, int c, int rs, int cs, List<double> ys, List<RawCell> cells)
    {
        if (glyphs.Count < 2)
        {
            return false;
        }

        var perCol = new List<Glyph>?[cs];
        var multiColumnRuns = 0;
        foreach (var row in LineBuilder.GroupRows(glyphs))
        {
            foreach (var run in LineBuilder.SplitRuns(row, 0.8))
            {
                var first = GridMath.Locate(xs, run.Box.Left + 0.5);
                var last = GridMath.Locate(xs, run.Box.Right - 0.5);
                if (first < 0 || last < 0 || first != last)
                {
                    return false;
                }

                var k = first - c;
                if (k < 0 || k >= cs)
                {
                    return false;
                }

                (perCol[k] ??= []).AddRange(run.Glyphs);
            }
        }

        foreach (var list in perCol)
        {
            if (list is not null)
            {
                multiColumnRuns++;
            }
        }

        if (multiColumnRuns < 2)
        {
            return false;
        }

        for (var k = 0; k < cs; k++)
        {
            var box = new Box(xs[c + k], ys[r], xs[c + k + 1], ys[r + rs]);
            cells.Add(new RawCell(r, c + k, rs, 1, box, perCol[k] is { } list ? LineBuilder.CellText(list) : ""));
        }

        return true;
    }

    /// <summary>Columns without any text (gaps between shaded cells, double rules) are merged away.</summary>
    private static void DropEmptyColumns(List<double> xs, List<int> inside, IReadOnlyList<Glyph> glyphs)
    {
        var count = new int[xs.Count - 1];
        foreach (var i in inside)
        {
            var c = GridMath.Locate(xs, glyphs[i].CenterX);
            if (c >= 0)
            {
                count[c]++;
            }
        }

        for (var c = count.Length - 1; c >= 0 && xs.Count > 3; c--)
        {
            if (count[c] > 0 || xs[c + 1] - xs[c] > 15)
            {
                continue;
            }

            // Keep the outer frame; remove the inner line of the empty column.
            xs.RemoveAt(c == count.Length - 1 ? c : c + 1);
        }
    }

    /// <summary>Very thin rows without text (double rules) are merged into their neighbour.</summary>
    private static void DropEmptySlivers(List<double> ys, List<int> inside, IReadOnlyList<Glyph> glyphs)
    {
        var count = new int[ys.Count - 1];
        foreach (var i in inside)
        {
            var r = GridMath.Locate(ys, glyphs[i].CenterY);
            if (r >= 0)
            {
                count[r]++;
            }
        }

        for (var r = count.Length - 1; r >= 0 && ys.Count > 2; r--)
        {
            if (count[r] == 0 && ys[r + 1] - ys[r] < 5)
            {
                ys.RemoveAt(r == count.Length - 1 ? r : r + 1);
            }
        }
    }

    /// <summary>
    /// A ruled row that holds several text lines of figures in several columns is a block of unruled rows
    /// (tables ruled only around the header or the block): split it at the text lines. Returns the added lines.
    /// </summary>
    private static HashSet<double> SubdivideRows(List<double> xs, List<double> ys, List<int> inside, IReadOnlyList<Glyph> glyphs)
    {
        var added = new HashSet<double>();
        var byRow = new List<Glyph>?[ys.Count - 1];
        foreach (var i in inside)
        {
            var r = GridMath.Locate(ys, glyphs[i].CenterY);
            if (r >= 0)
            {
                (byRow[r] ??= []).Add(glyphs[i]);
            }
        }

        var newLines = new List<double>();
        for (var r = 0; r < byRow.Length; r++)
        {
            if (byRow[r] is not { Count: > 1 } rowGlyphs)
            {
                continue;
            }

            var lines = LineBuilder.GroupRows(rowGlyphs);
            if (lines.Count < 2)
            {
                continue;
            }

            var colsWithLines = new Dictionary<int, (int Lines, int Numeric)>();
            foreach (var line in lines)
            {
                foreach (var group in line.GroupBy(g => GridMath.Locate(xs, g.CenterX)))
                {
                    var text = LineBuilder.RunText(group.ToList());
                    var (n, num) = colsWithLines.GetValueOrDefault(group.Key);
                    colsWithLines[group.Key] = (n + 1, num + (LooksNumeric(text) ? 1 : 0));
                }
            }

            if (colsWithLines.Values.Count(v => v.Lines >= 2) < 2 || !colsWithLines.Values.Any(v => v.Numeric >= 2))
            {
                continue;
            }

            var boxes = lines.Select(l => (Top: l.Min(g => g.Top), Bottom: l.Max(g => g.Bottom), Line: l)).OrderBy(b => b.Top).ToList();
            for (var k = 1; k < boxes.Count; k++)
            {
                // A wrapped label ("(as HCl)", "compounds ...") stays with the line above.
                var line = boxes[k].Line;
                var oneColumn = line.Select(g => GridMath.Locate(xs, g.CenterX)).Distinct().Count() == 1;
                if (oneColumn && StreamDetector.IsContinuationText(LineBuilder.RunText(line)))
                {
                    continue;
                }

                var y = (boxes[k - 1].Bottom + boxes[k].Top) / 2;
                if (y > ys[r] + 1 && y < ys[r + 1] - 1)
                {
                    newLines.Add(y);
                }
            }
        }

        foreach (var y in newLines)
        {
            added.Add(y);
            ys.Add(y);
        }

        ys.Sort();
        return added;
    }

    private static bool LooksNumeric(string text)
    {
        var digits = 0;
        var letters = 0;
        foreach (var ch in text)
        {
            if (char.IsDigit(ch))
            {
                digits++;
            }
            else if (char.IsLetter(ch))
            {
                letters++;
            }
        }

        return digits > 0 && digits >= letters;
    }

    private static int Nearest(List<double> lines, double v)
    {
        var best = 0;
        for (var i = 1; i < lines.Count; i++)
        {
            if (Math.Abs(lines[i] - v) < Math.Abs(lines[best] - v))
            {
                best = i;
            }
        }

        return best;
    }

    /// <summary>True when the intervals cover at least half of [a, b].</summary>
    private static bool Covered(List<(double Start, double End)> intervals, double a, double b)
    {
        var need = (b - a) * 0.5;
        double total = 0;
        foreach (var (s, e) in intervals)
        {
            var o = Math.Min(e, b) - Math.Max(s, a);
            if (o > 0)
            {
                total += o;
            }
        }

        return total >= need;
    }
}
