using System.Globalization;
using System.Text.Json;
using Ingest.Cli.Pipeline;
using Ingest.Core;
using Ingest.Core.Records;
using Ingest.Core.Validation;
using Ingest.Pdf;
using Ingest.Recognition;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ingest.Bench;

/// <summary>
/// `errors DIR`: the error injector's variants under DIR/errors (made by the generator's --errors N),
/// each run against its base document. Reports recall of the expected error findings by rule family and
/// by size (well beyond / just beyond / inside the rounding envelope), and every error finding that no
/// expectation explains (false alarms caused by the change).
/// </summary>
internal static class ErrorsBench
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private sealed record Expected(string Rule, string? Table);

    private sealed record Target(string Kind, string? Table);

    private sealed record Expectation(string Base, string Variant, string Size, Target Target, List<Expected> ExpectedErrors, List<string> MayFire, bool ExpectNoError);

    public static int Run(string[] args)
    {
        var dir = args.Length > 0 ? args[0] : "corpus";
        var expectFiles = Directory.EnumerateFiles(Path.Combine(dir, "errors"), "*.expect.json").Order(StringComparer.Ordinal).ToList();
        using var recognizer = new Recognizer(new RecognitionOptions(), NullLogger<Recognizer>.Instance);
        var processor = new DocumentProcessor(
            new PdfFileExtractor(new ExtractionOptions(), NullLogger<PdfFileExtractor>.Instance), recognizer,
            new Validator(new ValidationOptions()), NullLogger<DocumentProcessor>.Instance);
        var baseCache = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var byFamily = new SortedDictionary<string, (int Expected, int Found)>(StringComparer.Ordinal);
        var bySize = new SortedDictionary<string, (int Variants, int AllFound, int FalseAlarms)>(StringComparer.Ordinal);
        var falseAlarms = new List<string>();
        var insideErrors = 0;
        var misses = new List<string>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        foreach (var file in expectFiles)
        {
            var e = JsonSerializer.Deserialize<Expectation>(File.ReadAllText(file), Json)!;
            if (!baseCache.TryGetValue(e.Base, out var before))
            {
                before = Errors(processor.Process(DocumentInput.Of(Path.Combine(dir, e.Base)))).Select(Key).ToHashSet(StringComparer.Ordinal);
                baseCache[e.Base] = before;
            }

            var added = Errors(processor.Process(DocumentInput.Of(Path.Combine(dir, e.Variant)))).Where(f => !before.Contains(Key(f))).ToList();
            var fired = added.Select(f => f.Rule).ToHashSet(StringComparer.Ordinal);
            var allFound = true;
            var missed = new List<string>();
            foreach (var x in e.ExpectedErrors)
            {
                var family = x.Rule.Split('.')[0];
                var hit = fired.Contains(x.Rule);
                allFound &= hit;
                if (!hit)
                {
                    missed.Add(x.Rule);
                }
                var (n, k) = byFamily.GetValueOrDefault(family);
                byFamily[family] = (n + 1, k + (hit ? 1 : 0));
            }

            var implied = e.Target.Kind == "table_cell" && e.Target.Table is { } t ? RuleIds.ShortName(t) + "." + RuleIds.Rollup : null;
            var unexplained = added.Where(f => !e.ExpectedErrors.Exists(x => Same(f.Rule, x.Rule)) && !e.MayFire.Exists(m => Same(f.Rule, m)) && f.Rule != implied).ToList();
            falseAlarms.AddRange(unexplained.Select(f => $"{e.Variant}: {f.Rule}: {f.Message}"));
            if (e.ExpectNoError)
            {
                insideErrors += added.Count;
            }

            if (missed.Count > 0)
            {
                misses.Add($"{e.Variant} ({e.Size}, {e.Target.Kind} {e.Target.Table}): missed {string.Join(", ", missed)}; fired {string.Join(", ", fired)}");
            }

            var (v, a, fa) = bySize.GetValueOrDefault(e.Size);
            bySize[e.Size] = (v + 1, a + (allFound ? 1 : 0), fa + unexplained.Count + (e.ExpectNoError ? added.Count : 0));
        }

        var ci = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(ci, $"{expectFiles.Count} variants of {baseCache.Count} documents in {clock.Elapsed.TotalSeconds:0.0}s"));
        Console.WriteLine("recall of expected error findings by rule family:");
        foreach (var (family, (n, k)) in byFamily)
        {
            Console.WriteLine(string.Create(ci, $"  {family,-12} {k,4}/{n,-4} {(n == 0 ? 1 : (double)k / n):P1}"));
        }

        Console.WriteLine("by size of the change:");
        foreach (var (size, (n, k, fa)) in bySize)
        {
            Console.WriteLine(string.Create(ci, $"  {size,-12} {n,4} variants, all expected findings in {k} ({(n == 0 ? 1 : (double)k / n):P1}), unexplained error findings {fa}"));
        }

        var expected = byFamily.Values.Sum(x => x.Expected);
        var found = byFamily.Values.Sum(x => x.Found);
        Console.WriteLine(string.Create(ci, $"TOTAL recall {(expected == 0 ? 1 : (double)found / expected):P2} ({found}/{expected}); precision {(found + falseAlarms.Count == 0 ? 1 : (double)found / (found + falseAlarms.Count)):P2} ({falseAlarms.Count} unexplained); errors on inside-envelope changes: {insideErrors}"));
        // Error findings on the unchanged base documents are left out of the counts above: show them, by rule.
        var baseErrors = baseCache.Values.SelectMany(keys => keys.Select(k => k.Split('|')[0])).GroupBy(r => r, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}").ToList();
        Console.WriteLine(string.Create(ci, $"base documents with error findings: {baseCache.Values.Count(v => v.Count > 0)} of {baseCache.Count}{(baseErrors.Count > 0 ? " (" + string.Join(", ", baseErrors) + ")" : "")}"));
        foreach (var (doc, keys) in baseCache.Where(b => b.Value.Count > 0 && args.Contains("--base-errors")))
        {
            Console.WriteLine($"  base {doc}: {string.Join("; ", keys)}");
        }

        foreach (var line in misses.Take(args.Contains("--misses") ? 400 : 0))
        {
            Console.WriteLine("  missed: " + line);
        }

        foreach (var line in falseAlarms.Take(20))
        {
            Console.WriteLine("  unexplained: " + line);
        }

        return 0;
    }

    private static IEnumerable<Finding> Errors(DocumentRecord r) => r.Findings.Where(f => f.Severity == FindingSeverity.Error);

    private static string Key(Finding f) => f.Rule + "|" + (f.Locations.Count > 0 ? $"{f.Locations[0].Table}|{f.Locations[0].RowLabel}|{f.Locations[0].Column}|{f.Locations[0].Quote}" : "");

    private static bool Same(string rule, string allowed) => rule == allowed || rule.StartsWith(allowed + ".", StringComparison.Ordinal);
}
