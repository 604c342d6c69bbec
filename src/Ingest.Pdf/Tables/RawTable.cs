using Ingest.Core.Layout;
using Ingest.Pdf.Text;

namespace Ingest.Pdf.Tables;

/// <summary>A cell found by a detector, before titles and headers are judged.</summary>
internal sealed record RawCell(int Row, int Col, int RowSpan, int ColSpan, Box Box, string Text)
{
    /// <summary>Bounds of the cell's glyphs (borderless body cells); empty when unknown.</summary>
    public Box TextBox { get; init; }
}

/// <summary>A table found on a page by the lattice or stream detector.</summary>
internal sealed class RawTable
{
    public required Box Bounds { get; init; }
    public required IReadOnlyList<double> RowLines { get; init; }
    public required IReadOnlyList<double> ColLines { get; init; }
    public required List<RawCell> Cells { get; init; }
    public required string Method { get; init; }
    public int RowCount => RowLines.Count - 1;
    public int ColCount => ColLines.Count - 1;
}

internal static class GridMath
{
    /// <summary>Index i such that lines[i] &lt;= v &lt; lines[i+1], or -1 outside.</summary>
    public static int Locate(IReadOnlyList<double> lines, double v)
    {
        if (lines.Count < 2 || v < lines[0] || v > lines[^1])
        {
            return -1;
        }

        int lo = 0, hi = lines.Count - 2;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (lines[mid] <= v)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return lo;
    }

    /// <summary>Sorted positions clustered within <paramref name="tolerance"/> (cluster mean).</summary>
    public static List<double> Cluster(IEnumerable<double> values, double tolerance)
    {
        var sorted = values.OrderBy(v => v).ToList();
        var result = new List<double>();
        var i = 0;
        while (i < sorted.Count)
        {
            double sum = sorted[i], last = sorted[i];
            var n = 1;
            var j = i + 1;
            while (j < sorted.Count && sorted[j] - last <= tolerance)
            {
                sum += sorted[j];
                last = sorted[j];
                n++;
                j++;
            }

            result.Add(sum / n);
            i = j;
        }

        return result;
    }

    public static Box BoundsOf(IEnumerable<Glyph> glyphs)
    {
        var any = false;
        var box = default(Box);
        foreach (var g in glyphs)
        {
            box = any ? box.Union(g.Box) : g.Box;
            any = true;
        }

        return box;
    }
}
