using Ingest.Core.Layout;

namespace Ingest.Pdf.Evaluation;

/// <summary>Result for one benchmark document.</summary>
internal sealed record DocumentScore(string Name, Score Score, IReadOnlyList<TableFragment> Found);

/// <summary>Runs the engine over an ICDAR 2013 folder (whole pages, no given regions) and scores it.</summary>
internal static class IcdarBenchmark
{
    /// <summary>
    /// Scores every <c>X-str.xml</c> under <paramref name="directory"/> against the engine's tables on <c>X.pdf</c>.
    /// Alternative ground truths (<c>Xa</c>/<c>Xb</c>, one PDF <c>Xa.pdf</c>) count once, with the better F1.
    /// </summary>
    public static List<DocumentScore> Run(string directory, Func<string, IReadOnlyList<TableFragment>> extract, Func<string, bool>? filter = null)
    {
        var truthFiles = Directory.EnumerateFiles(directory, "*-str.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var byDoc = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var file in truthFiles)
        {
            var name = Path.GetFileName(file)[..^"-str.xml".Length];
            var key = name;
            if ((name.EndsWith('a') || name.EndsWith('b')) && char.IsDigit(name[^2]))
            {
                key = name[..^1];
            }

            if (!byDoc.TryGetValue(key, out var list))
            {
                list = [];
                byDoc[key] = list;
            }

            list.Add(file);
        }

        var scores = new List<DocumentScore>();
        foreach (var (key, files) in byDoc)
        {
            if (filter is not null && !filter(key))
            {
                continue;
            }

            var dir = Path.GetDirectoryName(files[0])!;
            var pdf = new[] { key + ".pdf", key + "a.pdf", key + "b.pdf" }.Select(n => Path.Combine(dir, n)).FirstOrDefault(File.Exists);
            if (pdf is null)
            {
                continue;
            }

            var found = extract(pdf);
            var result = found.Select(ScoreTable.From).ToList();
            Score? best = null;
            foreach (var file in files)
            {
                var s = IcdarScorer.ScoreDocument(IcdarScorer.LoadGroundTruth(file), result);
                if (best is null || s.F1 > best.Value.F1)
                {
                    best = s;
                }
            }

            scores.Add(new DocumentScore(key, best!.Value, found));
        }

        return scores;
    }

    public static Score Total(IEnumerable<DocumentScore> scores) => scores.Aggregate(default(Score), (a, d) => a + d.Score);
}
