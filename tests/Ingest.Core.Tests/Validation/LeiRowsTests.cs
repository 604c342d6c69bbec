using Ingest.Core.Records;
using Ingest.Core.Validation;
using static Ingest.Core.Tests.Validation.RecordBuilder;

namespace Ingest.Core.Tests.Validation;

/// <summary>
/// T4~T5.lei_rows when the general public budget table prints only 项 rows (no 类 row), as syn_325_2018_budget_dept
/// (广州 天河 红十字会): the 类 total is the sum of the table's highest rows under the 类.
/// </summary>
public sealed class LeiRowsTests
{
    private const string Y = "元";

    private static DocumentRecord Validate(params TableRecord[] tables)
    {
        var record = new DocumentRecord { Id = new string('0', 64), Kind = "budget", Tables = [.. tables] };
        new Validator(new ValidationOptions()).Validate(record);
        return record;
    }

    private static RowRecord Expenditure(string code, string name, string total, string gpb)
    {
        var row = Row(Y, name, null, ("total", total), ("general_public_budget", gpb));
        row.Side = "expenditure";
        row.Line = "expenditure." + code;
        row.FuncCode = code;
        return row;
    }

    private static TableRecord T4(string gpb201) => Table(TableTypes.FiscalGrantSummary, Y,
        Expenditure("201", "（一）一般公共服务支出", "2,770,351.68", gpb201),
        Expenditure("204", "（二）公共安全支出", "36,306,377.62", "36,306,377.62"));

    private static TableRecord T5(string total = "39,076,729.30", bool lost = false)
    {
        var total0 = Row(Y, "合计", null, ("total", total));
        total0.Line = Lines.Total;
        List<RowRecord> rows =
        [
            total0,
            Row(Y, "一般行政管理事务", "2010602", ("total", "2,770,351.68")),
            Row(Y, "查办和预防职务犯罪", "2040404", ("total", "17,794,915.50")),
        ];
        if (!lost)
        {
            rows.Add(Row(Y, "其他检察支出", "2040499", ("total", "18,511,462.12")));
        }

        return Table(TableTypes.GeneralPublicExpenditure, Y, [.. rows]);
    }

    private static List<Finding> Errors(DocumentRecord record) =>
        record.Findings.Where(f => f.Rule == RuleIds.T4VsT5Lei && f.Severity == FindingSeverity.Error).ToList();

    [Fact]
    public void Lei_rows_tie_to_the_sum_of_the_xiang_rows_when_the_table_prints_no_lei_row()
    {
        var record = Validate(T4("2,770,351.68"), T5());
        var check = record.Checks.Single(c => c.Rule == RuleIds.T4VsT5Lei);
        Assert.Equal(CheckResult.Pass, check.Outcome);
        Assert.Equal(2, check.Instances);
        Assert.Empty(Errors(record));
    }

    [Fact]
    public void Syn_325_err154_a_changed_lei_figure_in_T4_is_an_error_against_the_xiang_rows()
    {
        var record = Validate(T4("3,047,386.85"), T5());
        var finding = Assert.Single(Errors(record));
        Assert.Equal(2_770_351.68m, finding.Expected);
        Assert.Equal(3_047_386.85m, finding.Printed);
        Assert.Equal(277_035.17m, finding.Difference);
        Assert.Equal(TableTypes.FiscalGrantSummary, finding.Locations[0].Table);
    }

    [Fact]
    public void Xiang_rows_that_do_not_add_up_to_the_table_total_are_not_used()
    {
        // A row lost in reading (其他检察支出): the 204 类 would differ by 18.5 million without it; no tie is made.
        var record = Validate(T4("2,770,351.68"), T5(total: "39,076,729.30", lost: true));
        Assert.Empty(Errors(record));
        Assert.DoesNotContain(record.Checks, c => c.Rule == RuleIds.T4VsT5Lei && c.Instances > 0);
    }

    [Fact]
    public void Seed_2022_a_lei_listed_under_its_old_and_new_name_ties_by_its_filled_line()
    {
        // seed_2022 T4: （九）医疗卫生与计划生育支出 blank and （十）卫生健康支出 44,900, both 类 210; T5 prints 2101101 only.
        var t4 = Table(TableTypes.FiscalGrantSummary, Y,
            Expenditure("210", "（九）医疗卫生与计划生育支出", "", ""),
            Expenditure("210", "（十）卫生健康支出", "44,900.00", "44,900.00"));
        var total = Row(Y, "合计", null, ("total", "44,900.00"));
        total.Line = Lines.Total;
        var t5 = Table(TableTypes.GeneralPublicExpenditure, Y, total, Row(Y, "行政单位医疗", "2101101", ("total", "44,900.00")));
        var record = Validate(t4, t5);
        Assert.Empty(Errors(record));
        var check = record.Checks.Single(c => c.Rule == RuleIds.T4VsT5Lei);
        Assert.Equal(CheckResult.Pass, check.Outcome);
        Assert.Equal(1, check.Instances);
    }
}
