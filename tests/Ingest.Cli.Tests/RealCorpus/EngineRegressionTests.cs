using Ingest.Cli.Pipeline;
using Ingest.Cli.Tests.Golden;
using Ingest.Core;
using Ingest.Core.Records;
using Ingest.Tests.Common;

namespace Ingest.Cli.Tests.RealCorpus;

/// <summary>Table-engine bugs seen on real files, each pinned on the file where it was seen, through the whole record.</summary>
public sealed class EngineRegressionTests
{
    private static DocumentRecord Process(string pdf) => CorpusPipeline.Real(pdf);

    /// <summary>
    /// wanli-jiedao 2025 T3 (部门支出预算总表, p14–18) ends with its 合计 row alone at the top of p18 (a ruled grid of 4
    /// columns, no inner lines under 合计): it was an unknown fragment, so T3~T5.totals had insufficient data.
    /// </summary>
    [Fact]
    public void Wanli_2025_expenditure_summary_keeps_its_total_row_from_the_next_page()
    {
        var record = Process("sh-putuo_wanli-jiedao_2025_budget_dept.pdf");
        var table = Assert.Single(record.Tables, t => t.Type == TableTypes.ExpenditureSummary);
        Assert.Equal([14, 15, 16, 17, 18], table.Pages);
        var total = Assert.Single(table.Rows, r => r.Line == Lines.Total);
        Assert.Equal(189_767_551m, total.Values[Columns.Total]);
        Assert.Equal(101_341_746m, total.Values[Columns.Basic]);
        Assert.Equal(88_425_805m, total.Values[Columns.Project]);
        Assert.DoesNotContain(record.Tables, t => t.Type == TableTypes.Unknown && t.Pages.Contains(18));
        var check = Assert.Single(record.Checks, c => c.Rule == "T3~T5.totals");
        Assert.Equal((CheckResult.Pass, 3, 0), (check.Outcome, check.Instances, check.Failures));
    }
}
