using System.Globalization;
using System.Text.Json;
using Ingest.Cli.Pipeline;
using Ingest.Core.Records;
using Ingest.Tests.Common;
using Xunit.Abstractions;

namespace Ingest.Cli.Tests.Golden;

/// <summary>
/// The error injector's variants (corpus/errors): each changes one printed figure. The findings that
/// appear in the variant but not in its base document must be exactly the ones its expectation names.
/// </summary>
public sealed class InjectedErrorTests(ITestOutputHelper output)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    internal sealed record Expected(string Rule, string? Table);

    internal sealed record Target(string Kind, string? Table);

    internal sealed record Expectation(string Base, string Variant, string Size, Target Target, List<Expected> ExpectedErrors, List<string> MayFire, bool ExpectNoError);

    private static List<string> Files() =>
        Directory.EnumerateFiles(Path.Combine(RepoPaths.Corpus, "errors"), "*.expect.json").Order(StringComparer.Ordinal).Select(Path.GetFileName).OfType<string>().ToList();

    public static TheoryData<string> Variants()
    {
        var data = new TheoryData<string>();
        foreach (var f in Files())
        {
            data.Add(f);
        }

        return data;
    }

    private static string Key(Finding f) => f.Rule + "|" + (f.Locations.Count > 0 ? $"{f.Locations[0].Table}|{f.Locations[0].RowLabel}|{f.Locations[0].Column}|{f.Locations[0].Quote}" : "");

    internal static (HashSet<string> Fired, List<string> Unexpected, Expectation Expect) Evaluate(string expectFile)
    {
        var expect = JsonSerializer.Deserialize<Expectation>(File.ReadAllText(Path.Combine(RepoPaths.Corpus, "errors", expectFile)), Json)!;
        var baseRecord = CorpusPipeline.Processor.Process(DocumentInput.Of(Path.Combine(RepoPaths.Corpus, expect.Base)));
        var variant = CorpusPipeline.Processor.Process(DocumentInput.Of(Path.Combine(RepoPaths.Corpus, expect.Variant)));
        var before = baseRecord.Findings.Where(f => f.Severity == FindingSeverity.Error).Select(Key).ToHashSet();
        var added = variant.Findings.Where(f => f.Severity == FindingSeverity.Error && !before.Contains(Key(f))).ToList();
        var fired = added.Select(f => f.Rule).ToHashSet();
        static bool Family(string rule, string allowed) => rule == allowed || rule.StartsWith(allowed + ".", StringComparison.Ordinal);
        // A changed cell that takes part in a roll-up breaks that roll-up too: allowed for the changed table.
        var implied = expect.Target.Kind == "table_cell" && expect.Target.Table is { } table
            ? new[] { Ingest.Core.RuleIds.ShortName(table) + "." + Ingest.Core.RuleIds.Rollup } : [];
        var unexpected = added.Where(f => !expect.ExpectedErrors.Exists(e => Family(f.Rule, e.Rule)) && !expect.MayFire.Exists(m => Family(f.Rule, m)) && !implied.Contains(f.Rule))
            .Select(f => $"{f.Rule}: {f.Message}").ToList();
        return (fired, unexpected, expect);
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Variant_fires_exactly_the_expected_rules(string expectFile)
    {
        var (fired, unexpected, expect) = Evaluate(expectFile);
        output.WriteLine($"{expect.Variant} ({expect.Size}): fired {string.Join(", ", fired)}");
        foreach (var e in expect.ExpectedErrors)
        {
            Assert.True(fired.Contains(e.Rule), $"{e.Rule} did not fire; fired: {string.Join(", ", fired)}");
        }

        Assert.True(unexpected.Count == 0, "unexpected errors:\n" + string.Join("\n", unexpected));
        if (expect.ExpectNoError)
        {
            Assert.Empty(fired);
        }
    }

    [Fact]
    public void Recall_and_precision_by_rule_family()
    {
        int expected = 0, found = 0, unexpectedCount = 0, firedCount = 0;
        var byFamily = new SortedDictionary<string, (int Expected, int Found)>(StringComparer.Ordinal);
        foreach (var file in Files())
        {
            var (fired, unexpected, expect) = Evaluate(file);
            firedCount += fired.Count;
            unexpectedCount += unexpected.Count;
            foreach (var e in expect.ExpectedErrors)
            {
                var family = e.Rule.Split('.')[0];
                var (x, y) = byFamily.GetValueOrDefault(family);
                var hit = fired.Contains(e.Rule);
                byFamily[family] = (x + 1, y + (hit ? 1 : 0));
                expected++;
                found += hit ? 1 : 0;
            }
        }

        foreach (var (family, (x, y)) in byFamily)
        {
            output.WriteLine($"{family}: {y}/{x}");
        }

        var recall = expected == 0 ? 1 : (double)found / expected;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"recall {recall:P1} ({found}/{expected}), unexpected rules {unexpectedCount} of {firedCount} fired"));
        Assert.True(recall >= 0.99, $"recall {recall}");
        Assert.Equal(0, unexpectedCount);
    }
}
