using Ingest.Pdf;
using Ingest.Pdf.Evaluation;
using Ingest.Tests.Common;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ingest.Pdf.Tests;

public sealed class IcdarTests
{
    [Fact]
    public void Relations_follow_the_official_definition()
    {
        // A | B | (blank) | C  /  D spans two columns | E | F
        var cells = new List<ScoreCell>
        {
            new(0, 0, 0, 0, "a"), new(0, 1, 0, 1, "b"), new(0, 2, 0, 2, " "), new(0, 3, 0, 3, "c c"),
            new(1, 0, 1, 1, "d"), new(1, 2, 1, 2, "e"), new(1, 3, 1, 3, "f\n"),
        };
        var rel = IcdarScorer.Relations(cells);
        Assert.Contains(new Relation("A", "B", 'R', 0), rel);
        Assert.Contains(new Relation("B", "CC", 'R', 1), rel);
        Assert.Contains(new Relation("D", "E", 'R', 0), rel);
        Assert.Contains(new Relation("E", "F", 'R', 0), rel);
        Assert.Contains(new Relation("A", "D", 'D', 0), rel);
        Assert.Contains(new Relation("B", "D", 'D', 0), rel);
        Assert.Contains(new Relation("CC", "F", 'D', 0), rel);
        // The spanning cell D has one relation to its right, not two.
        Assert.Single(rel, r => r.From == "D" && r.Direction == 'R');
        Assert.Equal(7, rel.Count);
    }

    [Fact]
    public void Unmatched_result_tables_count_against_precision()
    {
        var truth = new List<ScoreTable> { new(new HashSet<int> { 1 }, [new(0, 0, 0, 0, "x"), new(0, 1, 0, 1, "y")]) };
        var result = new List<ScoreTable>
        {
            new(new HashSet<int> { 1 }, [new(0, 0, 0, 0, "X"), new(0, 1, 0, 1, "Y")]),
            new(new HashSet<int> { 2 }, [new(0, 0, 0, 0, "p"), new(0, 1, 0, 1, "q")]),
        };
        var s = IcdarScorer.ScoreDocument(truth, result);
        Assert.Equal(new Score(1, 2, 1), s);
        Assert.Equal(0.5, s.Precision);
        Assert.Equal(1.0, s.Recall);
    }

    [Fact]
    public void Icdar2013_total_f1_stays_above_floor()
    {
        var engine = new PdfFileExtractor(new ExtractionOptions { JoinContinuations = false }, NullLogger<PdfFileExtractor>.Instance);
        var scores = IcdarBenchmark.Run(RepoPaths.Icdar, pdf => engine.Extract(pdf).Pages.SelectMany(p => p.Tables).ToList());
        Assert.Equal(47, scores.Count);
        var total = IcdarBenchmark.Total(scores);
        Assert.True(total.F1 >= 0.91, $"total F1 {total.F1:F4} (P {total.Precision:F4}, R {total.Recall:F4})");
    }
}
