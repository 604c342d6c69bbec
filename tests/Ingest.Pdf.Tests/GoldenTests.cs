using System.Globalization;
using Xunit.Abstractions;

namespace Ingest.Pdf.Tests;

/// <summary>Every table of the synthetic corpus is found and its printed rows and headers come out in the right columns.</summary>
public sealed class GoldenTests(ITestOutputHelper output)
{
    // Floors: what the engine achieves, minus a small margin.
    private const double MinFileRowRate = 0.75;
    private const double MinTotalRowRate = 0.97;
    private const double MinTotalCellRate = 0.98;
    private const double MinTotalHeaderRate = 0.87;

    public static TheoryData<string> CorpusFiles() => new(GoldenScorer.Files());

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Synthetic_file_tables_match_the_truth(string file)
    {
        var score = GoldenScorer.Score(file);
        output.WriteLine(score.ToString());
        foreach (var p in score.Problems)
        {
            output.WriteLine("  " + p);
        }

        Assert.True(score.TablesFound >= score.TruthTables - 2, score.ToString());
        Assert.True(score.ExtractedTables <= score.TruthTables + 3, score.ToString());
        Assert.True(score.RowRate >= MinFileRowRate, score.ToString());
    }

    [Fact]
    public void Synthetic_corpus_total_accuracy()
    {
        var scores = GoldenScorer.Files().Select(GoldenScorer.Score).ToList();
        foreach (var s in scores)
        {
            output.WriteLine(s.ToString());
        }

        var total = GoldenScore.Sum(scores);
        output.WriteLine(total.ToString());
        Assert.True(total.TableRate >= 0.97, total.ToString());
        Assert.True(total.RowRate >= MinTotalRowRate, total.ToString());
        Assert.True(total.CellRate >= MinTotalCellRate, total.ToString());
        Assert.True(total.HeaderRate >= MinTotalHeaderRate, total.ToString());
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"table rate {total.TableRate:P1}"));
    }
}
