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
        bool HasH(int line, int col) => Covered(hAt[line], xs[col], xs[col + 1]);

        // Glyphs into slots.
        var slotGlyphs = new List<Glyph>?[rows, cols];
        var any = false;
        for (var i = 0; i < glyphs.Count; i++)
        {
            if (used[i])
            {
                continue;
            }

            var g = glyphs[i];
            if (!bounds.Contains(g.CenterX, g.CenterY))
            {
                continue;
            }

            var r = GridMath.Locate(ys, g.CenterY);
            var c = GridMath.Locate(xs, g.CenterX);
            if (r < 0 || c < 0)
            {
                continue;
            }

            (slotGlyphs[r, c] ??= []).Add(g);
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

                var box = new Box(xs[c], ys[r], xs[c + cs], ys[r + rs]);
                cells.Add(new RawCell(r, c, rs, cs, box, LineBuilder.CellText(cellGlyphs)));
            }
        }

        return new RawTable { Bounds = bounds, RowLines = ys, ColLines = xs, Cells = cells, Method = "lattice" };
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
