using Ingest.Core;
using Ingest.Recognition.Learning;
using Ingest.Tests.Common;

namespace Ingest.Recognition.Tests;

/// <summary>The trained model in models/ (made by `make train`) and the trainer's held-out evaluation.</summary>
public sealed class TableTypeModelTests
{
    private static readonly string ModelPath = Path.Combine(RepoPaths.Root, "models", TableTypeTrainer.ModelFile);

    [Fact]
    public void Committed_model_types_untitled_tables_from_their_header()
    {
        using var model = TableTypeModel.Load(ModelPath);
        var (type, probability) = model.Predict(null,
            "“三公”经费合计 | 因公出国（境）费 | 公务用车购置及运行费/小计 | 公务用车购置及运行费/公务用车购置费 | 公务用车购置及运行费/公务用车运行费 | 公务接待费", "");
        Assert.Equal(TableTypes.ThreePublicCosts, type);
        Assert.True(probability > 0.5f, $"probability {probability}");

        var (t6, _) = model.Predict(null, "部门预算支出经济分类科目/科目编码 | 部门预算支出经济分类科目/科目名称 | 本年一般公共预算基本支出/合计 | 本年一般公共预算基本支出/人员经费 | 本年一般公共预算基本支出/公用经费",
            "合计 工资福利支出 基本工资 津贴补贴 奖金 绩效工资");
        Assert.Equal(TableTypes.GeneralPublicBasicExpenditure, t6);
    }

    [Fact]
    public void Model_report_records_data_hash_and_held_out_accuracy()
    {
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "models", TableTypeTrainer.ReportFile)));
        var root = json.RootElement;
        Assert.Equal(64, root.GetProperty("training_data_sha256").GetString()!.Length);
        using var stream = File.OpenRead(ModelPath);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream)), root.GetProperty("model_sha256").GetString());
        var heldOut = root.GetProperty("held_out").EnumerateArray().ToList();
        Assert.True(heldOut.Count >= 4);
        Assert.All(heldOut, h => Assert.InRange(h.GetProperty("micro_accuracy").GetDouble(), 0.3, 1.0));
    }

    [Fact]
    public void Evaluation_keeps_documents_apart_and_scores_titled_tables_well()
    {
        var synthetic = TableTypeTrainer.FromTruth(RepoPaths.Corpus);
        var result = TableTypeTrainer.Evaluate("titled", synthetic.Where(e => !e.Document.StartsWith("syn_00", StringComparison.Ordinal)).ToList(),
            synthetic.Where(e => e.Document.StartsWith("syn_00", StringComparison.Ordinal) && e.Title.Length > 0).ToList());
        Assert.True(result.MicroAccuracy >= 0.85, $"accuracy {result.MicroAccuracy}: {string.Join("; ", result.Errors.Take(5))}");
    }
}
