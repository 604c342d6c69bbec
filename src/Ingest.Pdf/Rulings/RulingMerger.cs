using Ingest.Pdf.Text;

namespace Ingest.Pdf.Rulings;

/// <summary>Snaps nearly collinear segments to one position and joins overlapping or touching ones.</summary>
internal static class RulingMerger
{
    public static IReadOnlyList<Ruling> Merge(List<Ruling> segments, ExtractionOptions options)
    {
        var result = new List<Ruling>(segments.Count);
        MergeOrientation(segments.Where(s => s.Horizontal).ToList(), true, options, result);
        MergeOrientation(segments.Where(s => !s.Horizontal).ToList(), false, options, result);
        return result;
    }

    private static void MergeOrientation(List<Ruling> segs, bool horizontal, ExtractionOptions options, List<Ruling> result)
    {
        if (segs.Count == 0)
        {
            return;
        }

        segs.Sort((a, b) => a.Pos.CompareTo(b.Pos));
        var cluster = new List<Ruling>();
        var clusterStart = segs[0].Pos;
        foreach (var s in segs)
        {
            if (cluster.Count > 0 && s.Pos - clusterStart > options.RulingSnapTolerance)
            {
                Flush(cluster, horizontal, options, result);
                cluster.Clear();
            }

            if (cluster.Count == 0)
            {
                clusterStart = s.Pos;
            }

            cluster.Add(s);
        }

        Flush(cluster, horizontal, options, result);
    }

    private static void Flush(List<Ruling> cluster, bool horizontal, ExtractionOptions options, List<Ruling> result)
    {
        cluster.Sort((a, b) => a.Start.CompareTo(b.Start));
        var i = 0;
        while (i < cluster.Count)
        {
            var start = cluster[i].Start;
            var end = cluster[i].End;
            double weighted = cluster[i].Pos * cluster[i].Length, weight = cluster[i].Length;
            var j = i + 1;
            while (j < cluster.Count && cluster[j].Start <= end + options.RulingJoinTolerance)
            {
                end = Math.Max(end, cluster[j].End);
                weighted += cluster[j].Pos * cluster[j].Length;
                weight += cluster[j].Length;
                j++;
            }

            if (end - start >= options.MinRulingLength)
            {
                var pos = weight > 0 ? weighted / weight : cluster[i].Pos;
                result.Add(new Ruling(horizontal, pos, start, end));
            }

            i = j;
        }
    }
}
