using Ingest.Cli.Pipeline;
using Ingest.Cli.Tests.Golden;
using Ingest.Core;
using Ingest.Core.Records;
using Ingest.Tests.Common;

namespace Ingest.Cli.Tests.RealCorpus;

/// <summary>Recognition bugs seen on real files (issue #5), each pinned on the file where it was seen.</summary>
public sealed class RecognitionRegressionTests
{
    private static DocumentRecord Process(string pdf) => CorpusPipeline.Processor.Process(DocumentInput.Of(RepoPaths.RealFile(pdf)));

    /// <summary>p18 prints 预算数 | 决算数 under each 三公 item; only the first pair used to be mapped (budget_amount, final_amount, col2..col11).</summary>
    [Fact]
    public void Final_three_public_budget_and_final_under_each_item_are_mapped()
    {
        var table = Process("sh-putuo_caizhengju_2024_final_dept.pdf").Tables.Single(t => t.Type == TableTypes.FinalThreePublicCosts);
        Assert.Equal([Columns.Total, Columns.Abroad, Columns.VehicleTotal, Columns.VehiclePurchase, Columns.VehicleOperation, Columns.Reception],
            table.Columns.Select(c => c.Id));
        Assert.Equal([Columns.BudgetAmount, Columns.FinalAmount], table.Rows.Select(r => r.Line));
        var budget = table.Rows[0];
        Assert.Equal(9_500m, budget.Values[Columns.Total]);
        Assert.Equal(9_500m, budget.Values[Columns.Reception]);
        Assert.Null(budget.Values[Columns.Abroad]);
        Assert.Null(budget.Values[Columns.VehicleTotal]);
        var final = table.Rows[1];
        Assert.All(table.Columns, c => Assert.Null(final.Values[c.Id]));
    }
}
