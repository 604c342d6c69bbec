using Ingest.Core;
using Ingest.Core.Records;
using Ingest.Tests.Common;

namespace Ingest.Cli.Tests;

public sealed class ExtractCommandTests
{
    [Fact]
    public void Sifaju_2026_budget_record_has_the_summary_tables_with_their_printed_totals_in_yuan()
    {
        using var cli = new CliRunner();
        var (exit, stdout, _) = cli.Run("extract", RepoPaths.RealFile("sh-putuo_sifaju_2026_budget_dept.pdf"), "-j", "1");
        Assert.Equal(ExitCodes.Ok, exit);
        var record = Assert.Single(CliRunner.Records(stdout));

        Assert.Equal("budget", record.Kind);
        Assert.Equal("department", record.Level);
        Assert.Equal(2026, record.Year);
        Assert.Equal("上海市普陀区司法局", record.Organization);
        Assert.Equal(64, record.Id.Length);

        var t1 = record.Tables.Single(t => t.Type == TableTypes.RevenueExpenditureSummary);
        Assert.Equal("元", t1.Unit);
        Assert.Equal([10], t1.Pages);
        var incomeTotal = t1.Rows.Single(r => r.Line == Lines.IncomeTotal);
        Assert.Equal(96_282_213.44m, incomeTotal.Values["amount"]);
        Assert.Equal("96,282,213.44", incomeTotal.Printed["amount"]);
        var spendTotal = t1.Rows.Single(r => r.Line == Lines.ExpenditureTotal);
        Assert.Equal(96_282_213.44m, spendTotal.Values[Columns.Amount]);
        var publicSecurity = t1.Rows.Single(r => r.Side == "expenditure" && r.FuncCode == "204");
        Assert.Equal(87_267_272.44m, publicSecurity.Values[Columns.Amount]);

        var t5 = record.Tables.Single(t => t.Type == TableTypes.GeneralPublicExpenditure);
        Assert.Equal([15, 16], t5.Pages);
        var total = t5.Rows.Single(r => r.Line == Lines.Total);
        Assert.Equal(96_282_213.44m, total.Values[Columns.Total]);
        Assert.Equal(25_741_666.44m, total.Values[Columns.Basic]);
        Assert.Equal(70_540_547.00m, total.Values[Columns.Project]);
        var judicial = t5.Rows.Single(r => r.FuncCode == "2040604");
        Assert.Equal("基层司法业务", judicial.Name);
        Assert.Equal(21_703_947.00m, judicial.Values[Columns.Total]);
    }

    [Fact]
    public void Extract_writes_json_lines_to_a_file_with_o()
    {
        using var cli = new CliRunner();
        var output = Path.Combine(cli.Dir, "out.jsonl");
        var input = Path.Combine(RepoPaths.Corpus, "syn_000_2019_budget_dept.pdf");
        var (exit, stdout, _) = cli.Run("extract", input, "-o", output);
        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Equal("", stdout);
        var record = Assert.Single(CliRunner.Records(File.ReadAllText(output)));
        Assert.Equal(input, record.Source);
        Assert.Contains(record.Tables, t => t.Type == TableTypes.GeneralPublicExpenditure);
    }

    [Fact]
    public void Unknown_option_is_a_usage_error_with_exit_code_2()
    {
        using var cli = new CliRunner();
        var (exit, _, stderr) = cli.Run("extract", "--no-such-option", "x.pdf");
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("--no-such-option", stderr, StringComparison.Ordinal);
    }
}
