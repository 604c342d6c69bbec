using Ingest.Cli.Pipeline;
using Ingest.Core.Records;
using Ingest.Core.Validation;
using Ingest.Pdf;
using Ingest.Recognition;
using Ingest.Tests.Common;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ingest.Cli.Tests.Golden;

/// <summary>The pipeline as `ingest run` wires it, and the synthetic corpus with its truth.</summary>
internal static class CorpusPipeline
{
    /// <summary>With the trained model from models/, as `ingest` runs.</summary>
    private static readonly Recognizer Recognizer = new(new RecognitionOptions(), NullLogger<Recognizer>.Instance);

    private static readonly Lazy<DocumentProcessor> Lazy = new(() => new DocumentProcessor(
        new PdfFileExtractor(new ExtractionOptions(), NullLogger<PdfFileExtractor>.Instance),
        Recognizer,
        new Validator(new ValidationOptions()),
        NullLogger<DocumentProcessor>.Instance));


    public static DocumentProcessor Processor => Lazy.Value;

    public sealed record Document(string Group, IReadOnlyList<string> Files, string TruthPath);

    /// <summary>Documents of corpus/manifest.csv: files grouped by their group column, narrative first.</summary>
    public static IReadOnlyList<Document> Documents { get; } = LoadManifest();

    public static DocumentRecord Truth(Document d) => RecordJson.Deserialize(File.ReadAllText(d.TruthPath));

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<DocumentRecord>> RealRecords = new(StringComparer.Ordinal);

    /// <summary>A file of ../shared/corpus-real processed alone, once per test run (tests only read the record).</summary>
    public static DocumentRecord Real(string pdf) =>
        RealRecords.GetOrAdd(pdf, name => new Lazy<DocumentRecord>(() => Processor.Process(DocumentInput.Of(RepoPaths.RealFile(name))))).Value;

    public static DocumentRecord Run(Document d) =>
        Processor.Process(new DocumentInput(d.Files.Select(f => Path.Combine(RepoPaths.Corpus, f)).ToList()));

    private static List<Document> LoadManifest()
    {
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Corpus, "manifest.csv"));
        var header = lines[0].Split(',');
        int Col(string name) => Array.IndexOf(header, name);
        var rows = lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).ToList();
        return rows.GroupBy(r => r[Col("group")])
            .Select(g => new Document(
                g.Key,
                g.OrderBy(r => r[Col("role")] switch { "narrative" => 0, "full" => 1, _ => 2 }).Select(r => r[Col("file")]).ToList(),
                Path.Combine(RepoPaths.Corpus, g.Key + ".truth.json")))
            .OrderBy(d => d.Group, StringComparer.Ordinal)
            .ToList();
    }
}
