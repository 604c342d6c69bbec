using System.Text.Json.Nodes;
using Ingest.Core.Records;
using Ingest.Tests.Common;
using Json.Schema;

namespace Ingest.Cli.Tests;

/// <summary>Every record the pipeline produces validates against docs/record.schema.json.</summary>
public sealed class RecordSchemaTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromFile(Path.Combine(RepoPaths.Root, "docs", "record.schema.json"));

    public static TheoryData<string> Inputs()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.EnumerateFiles(RepoPaths.Corpus, "*.pdf").Order(StringComparer.Ordinal).Take(6))
        {
            data.Add(f);
        }

        foreach (var f in Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "tests", "Ingest.Cli.Tests", "BadInputs")).Order(StringComparer.Ordinal))
        {
            data.Add(f);
        }

        data.Add(RepoPaths.RealFile("sh-putuo_caizhengju_2024_final_dept.pdf"));
        data.Add(RepoPaths.RealFile("js_renda-bgt_2017_budget_dept.pdf"));
        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Produced_record_validates_against_the_json_schema(string input)
    {
        using var cli = new CliRunner();
        var (_, stdout, _) = cli.Run("extract", input);
        var line = Assert.Single(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var result = Schema.Evaluate(JsonNode.Parse(line), new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = result.Details.Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")).Take(10);
        Assert.True(result.IsValid, string.Join("\n", errors));
        Assert.Equal(RecordJson.Deserialize(line).Id, JsonNode.Parse(line)!["id"]!.GetValue<string>());
    }
}
