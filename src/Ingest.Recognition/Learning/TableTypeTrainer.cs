using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Ingest.Core.Records;
using Microsoft.ML;

namespace Ingest.Recognition.Learning;

/// <summary>Accuracy of one held-out evaluation.</summary>
public sealed record HeldOutResult(string Name, int TrainExamples, int TestExamples, double MicroAccuracy, double MacroAccuracy, IReadOnlyList<string> Errors);

/// <summary>What `make train` reports and saves beside the model.</summary>
public sealed record TrainingReport(
    string Model, string ModelSha256, string TrainingDataSha256, int Examples, IReadOnlyDictionary<string, int> ExamplesByLabel,
    IReadOnlyList<HeldOutResult> HeldOut, string MlNetVersion, DateTimeOffset TrainedAt);

/// <summary>Trains the table-type classifier from the labelled examples in the repository.</summary>
public static class TableTypeTrainer
{
    public const string ModelFile = "table-type.zip";
    public const string ReportFile = "table-type.json";

    public static TrainingReport Train(string corpusDirectory, string realExamplesTsv, string outputDirectory, TextWriter log)
    {
        var synthetic = FromTruth(corpusDirectory);
        var real = FromTsv(realExamplesTsv);
        var all = synthetic.Concat(real).ToList();
        log.WriteLine($"examples: {synthetic.Count} synthetic, {real.Count} real");

        var titled = real.Where(e => e.Title.Length > 0).ToList();

        // Examples collected from published pages of other provinces (source is a web address) widen training;
        // the development documents alone keep the test sets of earlier models, so that runs stay comparable.
        var development = real.Where(e => !e.Document.StartsWith("http", StringComparison.Ordinal)).ToList();
        var web = real.Where(e => e.Document.StartsWith("http", StringComparison.Ordinal)).ToList();
        var untitledSynthetic = synthetic.Where(e => e.Title.Length == 0).ToList();
        var heldOut = new List<HeldOutResult>
        {
            // Real documents never seen in training: the measure that matters.
            Evaluate("synthetic only -> all real documents", synthetic, real),
            Evaluate("synthetic + odd real documents -> even real documents", synthetic.Concat(Half(real, 1)).ToList(), Half(real, 0)),
            Evaluate("synthetic + even real documents -> odd real documents", synthetic.Concat(Half(real, 0)).ToList(), Half(real, 1)),
            Evaluate("80% synthetic documents -> other 20%", Fifths(synthetic, keep: false), Fifths(synthetic, keep: true)),
            Evaluate("80% synthetic documents -> other 20%, untitled tables only", Fifths(synthetic, keep: false), Fifths(untitledSynthetic, keep: true)),
            Evaluate("80% synthetic documents -> other 20%, titled tables only", Fifths(synthetic, keep: false), Fifths(synthetic.Where(e => e.Title.Length > 0).ToList(), keep: true)),
            Evaluate("synthetic + odd real -> even real, titled tables only", synthetic.Concat(Half(real, 1)).ToList(), Half(titled, 0)),
            Evaluate("synthetic + web + odd development documents -> even development documents", synthetic.Concat(web).Concat(Half(development, 1)).ToList(), Half(development, 0)),
            Evaluate("synthetic + web + even development documents -> odd development documents", synthetic.Concat(web).Concat(Half(development, 0)).ToList(), Half(development, 1)),
        };
        foreach (var h in heldOut)
        {
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{h.Name}: micro accuracy {h.MicroAccuracy:P1}, macro {h.MacroAccuracy:P1} ({h.TestExamples} examples, trained on {h.TrainExamples})"));
        }

        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(all);
        var model = TableTypeModel.Pipeline(ml).Fit(data);
        Directory.CreateDirectory(outputDirectory);
        var modelPath = Path.Combine(outputDirectory, ModelFile);
        using (var stream = File.Create(modelPath))
        {
            ml.Model.Save(model, data.Schema, stream);
        }

        var report = new TrainingReport(
            ModelFile,
            Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(modelPath))),
            DataHash(all),
            all.Count,
            all.GroupBy(e => e.Label).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            heldOut,
            typeof(MLContext).Assembly.GetName().Version?.ToString() ?? "",
            DateTimeOffset.UtcNow);
        File.WriteAllText(Path.Combine(outputDirectory, ReportFile), JsonSerializer.Serialize(report, RecordJson.Indented));
        log.WriteLine($"model: {modelPath} ({report.ModelSha256[..12]}), training data {report.TrainingDataSha256[..12]}");
        return report;
    }

    internal static HeldOutResult Evaluate(string name, List<TableTypeExample> train, List<TableTypeExample> test)
    {
        var ml = new MLContext(seed: 1);
        var model = TableTypeModel.Pipeline(ml).Fit(ml.Data.LoadFromEnumerable(train));
        var engine = ml.Model.CreatePredictionEngine<TableTypeExample, TableTypePrediction>(model);
        var errors = new List<string>();
        var right = 0;
        var perLabel = new Dictionary<string, (int Right, int All)>(StringComparer.Ordinal);
        foreach (var example in test)
        {
            var predicted = engine.Predict(example).PredictedLabel;
            var ok = predicted == example.Label;
            right += ok ? 1 : 0;
            var (r, a) = perLabel.GetValueOrDefault(example.Label);
            perLabel[example.Label] = (r + (ok ? 1 : 0), a + 1);
            if (!ok)
            {
                errors.Add($"{example.Document}: {example.Label} predicted as {predicted} (title '{example.Title}')");
            }
        }

        var macro = perLabel.Count == 0 ? 0 : perLabel.Values.Average(v => (double)v.Right / v.All);
        return new HeldOutResult(name, train.Count, test.Count, test.Count == 0 ? 0 : (double)right / test.Count, macro, errors.Take(50).ToList());
    }

    /// <summary>Every truth table of the synthetic corpus, with its title and again without (an untitled page).</summary>
    public static List<TableTypeExample> FromTruth(string corpusDirectory)
    {
        var examples = new List<TableTypeExample>();
        foreach (var path in Directory.EnumerateFiles(corpusDirectory, "*.truth.json", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal))
        {
            var record = RecordJson.Deserialize(File.ReadAllText(path));
            foreach (var table in record.Tables)
            {
                var header = string.Join(" | ", table.Columns.Where(c => c.Header.Count > 0).Select(c => string.Join("/", c.Header)));
                var first = string.Join(" ", table.Rows.Take(12).Select(r => r.Name).Where(n => n.Length > 0));
                var document = Path.GetFileName(path);
                examples.Add(Example(table.Type, table.Title, header, first, document));
                examples.Add(Example(table.Type, "", header, first, document));
            }
        }

        return examples;
    }

    public static List<TableTypeExample> FromTsv(string path)
    {
        var examples = new List<TableTypeExample>();
        var lines = File.ReadAllLines(path, Encoding.UTF8);
        var header = lines[0].Split('\t');
        int Col(string n) => Array.IndexOf(header, n);
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var f = line.Split('\t');
            examples.Add(Example(f[Col("label")], f[Col("title")], f[Col("header")], f[Col("first_column")], f[Col("source")]));
        }

        return examples;
    }

    private static TableTypeExample Example(string label, string? title, string header, string first, string document) => new()
    {
        Label = label,
        Title = TableTypeModel.Normalize(title),
        Header = TableTypeModel.Normalize(header),
        FirstColumn = TableTypeModel.Normalize(first),
        Document = document,
    };

    private static List<TableTypeExample> Half(List<TableTypeExample> examples, int parity)
    {
        var documents = examples.Select(e => e.Document).Distinct().Order(StringComparer.Ordinal).ToList();
        var chosen = documents.Where((_, i) => i % 2 == parity).ToHashSet(StringComparer.Ordinal);
        return examples.Where(e => chosen.Contains(e.Document)).ToList();
    }

    private static List<TableTypeExample> Fifths(List<TableTypeExample> examples, bool keep)
    {
        var documents = examples.Select(e => e.Document).Distinct().Order(StringComparer.Ordinal).ToList();
        var chosen = documents.Where((_, i) => i % 5 == 0).ToHashSet(StringComparer.Ordinal);
        return examples.Where(e => chosen.Contains(e.Document) == keep).ToList();
    }

    private static string DataHash(IEnumerable<TableTypeExample> examples)
    {
        var text = string.Join("\n", examples.Select(e => $"{e.Label}\t{e.Title}\t{e.Header}\t{e.FirstColumn}").Order(StringComparer.Ordinal));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
