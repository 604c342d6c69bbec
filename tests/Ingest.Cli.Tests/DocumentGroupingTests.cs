using Ingest.Core;
using Ingest.Tests.Common;

namespace Ingest.Cli.Tests;

/// <summary>A narrative PDF and a tables PDF of one document become one record.</summary>
public sealed class DocumentGroupingTests
{
    [Fact]
    public void Jiangsu_narrative_and_tables_files_are_one_document()
    {
        using var cli = new CliRunner();
        var text = RepoPaths.RealFile("js_zhengxie-bgt_2018_budget_dept_text.pdf");
        var tables = RepoPaths.RealFile("js_zhengxie-bgt_2018_budget_dept_tables.pdf");
        var other = RepoPaths.RealFile("js_renda-bgt_2017_budget_dept.pdf");
        var (exit, stdout, _) = cli.Run("extract", tables, other, text, "-j", "1");
        Assert.Equal(ExitCodes.Ok, exit);
        var records = CliRunner.Records(stdout);
        Assert.Equal(2, records.Count);
        var grouped = records.Single(r => r.Files.Count == 2);
        Assert.Equal([text, tables], grouped.Files.Select(f => f.Path));
        Assert.Equal("江苏省政协办公厅", grouped.Organization);
        Assert.Equal(2018, grouped.Year);
        Assert.Contains(grouped.Tables, t => t.Type == TableTypes.RevenueExpenditureSummary && t.File == 1);
        Assert.Contains(grouped.Narrative, f => f.File == 0 && f.Key == "three_public.reception");
        Assert.DoesNotContain(grouped.Findings, f => f.Severity == Ingest.Core.Records.FindingSeverity.Error);
        Assert.Single(records.Single(r => r.Files.Count == 1).Files, f => f.Path == other);
    }

    [Fact]
    public void Grouping_can_be_turned_off()
    {
        using var cli = new CliRunner();
        var (_, stdout, _) = cli.Run("extract", RepoPaths.RealFile("js_zhengxie-bgt_2018_budget_dept_text.pdf"),
            RepoPaths.RealFile("js_zhengxie-bgt_2018_budget_dept_tables.pdf"), "--group", "false");
        Assert.Equal(2, CliRunner.Records(stdout).Count);
    }

    [Fact]
    public void Synthetic_split_documents_are_grouped_without_a_manifest()
    {
        using var cli = new CliRunner();
        var (_, stdout, _) = cli.Run("extract", Path.Combine(RepoPaths.Corpus, "syn_002_2020_final_dept_tables.pdf"), Path.Combine(RepoPaths.Corpus, "syn_002_2020_final_dept_text.pdf"));
        var record = Assert.Single(CliRunner.Records(stdout));
        Assert.Equal(2, record.Files.Count);
        Assert.Equal("final_account", record.Kind);
        Assert.Equal(2020, record.Year);
    }

    [Fact]
    public void A_tables_file_naming_no_organization_is_grouped_by_its_sibling_file_name()
    {
        using var cli = new CliRunner();
        var (_, stdout, _) = cli.Run("extract", Path.Combine(RepoPaths.Corpus, "syn_014_2021_budget_unit_tables.pdf"), Path.Combine(RepoPaths.Corpus, "syn_014_2021_budget_unit_text.pdf"),
            Path.Combine(RepoPaths.Corpus, "syn_020_2026_budget_dept_tables.pdf"));
        var records = CliRunner.Records(stdout);
        Assert.Equal(2, records.Count);
        var grouped = Assert.Single(records, r => r.Files.Count == 2);
        Assert.Equal("无锡市滨湖区政协办公室执法大队", grouped.Organization);
        Assert.Equal(2021, grouped.Year);
        Assert.Equal(9, grouped.Tables.Count(t => t.Type != Ingest.Core.TableTypes.Unknown));
    }

    [Theory]
    [InlineData("/d/x_2021_text.pdf", "/d/x_2021_tables.pdf", true)]
    [InlineData("/d/某局2019年部门预算说明.pdf", "/d/某局2019年部门预算表格.pdf", true)]
    [InlineData("/d/x_2021_text.pdf", "/e/x_2021_tables.pdf", false)]
    [InlineData("/d/x_2021_text.pdf", "/d/y_2021_tables.pdf", false)]
    [InlineData("/d/text.pdf", "/d/tables.pdf", false)]
    public void Sibling_file_names_differ_only_by_a_part_marker(string a, string b, bool siblings) =>
        Assert.Equal(siblings, Pipeline.DocumentGrouper.SiblingNames(a, b));

    [Theory]
    [InlineData("中国共产党江苏省委员会办公厅", "江苏省委办公厅", true)]
    [InlineData("江苏省政协办公厅", "江苏省政协办公厅", true)]
    [InlineData("江苏省人大常委会办公厅", "江苏省人民检察院", false)]
    [InlineData(null, "江苏省人民检察院", false)]
    public void Organization_names_are_compared_as_documents_print_them(string? a, string? b, bool same) =>
        Assert.Equal(same, Pipeline.DocumentGrouper.SameOrganization(a, b));
}
