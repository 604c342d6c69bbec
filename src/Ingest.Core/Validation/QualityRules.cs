using Ingest.Core.Records;

namespace Ingest.Core.Validation;

/// <summary>Disclosure-quality checks: missing tables, empty tables without a note, placeholders, unknown codes.</summary>
internal static class QualityRules
{
    private static readonly string[] Placeholders = ["XX", "××", "xx", "待填写", "＊＊", "**"];

    public static void Run(RuleRun run)
    {
        var record = run.Record;
        var typed = record.Tables.Where(t => t.Type != TableTypes.Unknown).Select(t => t.Type).ToHashSet(StringComparer.Ordinal);

        // Missing catalogue tables: only for budget documents that publish tables at all.
        if (run.Options.WarnMissingTables && record.Kind == "budget" && typed.Count >= 4)
        {
            foreach (var type in TableTypes.CoreBudgetTables.Where(t => !typed.Contains(t)))
            {
                run.Warn(RuleIds.MissingTable, $"table {type} of the standard set was not found", $"未找到标准公开表：{type}", new Location { File = 0, Table = type });
            }
        }

        // 14. An empty T8/T9 must be zero or blank and carry a note.
        foreach (var table in record.Tables.Where(t => t.Type is TableTypes.GovernmentFundExpenditure or TableTypes.StateCapitalExpenditure))
        {
            var empty = table.Rows.TrueForAll(r => r.Values.Values.All(v => v is null or 0m));
            if (!empty)
            {
                continue;
            }

            var noted = table.Notes.Exists(n => n.Contains('无', StringComparison.Ordinal) || n.Contains("没有", StringComparison.Ordinal))
                || table.Rows.Exists(r => r.Name.Contains('无', StringComparison.Ordinal) || r.Printed.Values.Any(p => p.Contains('无', StringComparison.Ordinal)));
            if (noted)
            {
                run.Passed(RuleIds.EmptyTableNote);
            }
            else
            {
                run.Warn(RuleIds.EmptyTableNote, $"{table.Type} is empty and carries no note saying why", $"{table.Type}为空表，但未说明原因", run.At(table, null, null));
            }
        }

        foreach (var table in record.Tables)
        {
            foreach (var row in table.Rows)
            {
                if (Placeholders.Any(p => row.Name.Contains(p, StringComparison.Ordinal)))
                {
                    run.Warn(RuleIds.Placeholder, $"placeholder text left in a row label: {row.Name}", $"行名称中残留模板占位符：{row.Name}", run.At(table, row, null));
                }
            }

            var unknown = table.Rows.Select(r => r.FuncCode).OfType<string>().Where(c => c.Length is 3 or 5 or 7 && CodeCatalog.Default.Functional(c) is null)
                .Concat(table.Rows.Select(r => r.EconCode).OfType<string>().Where(c => CodeCatalog.Default.Economic(c) is null))
                .Distinct().ToList();
            if (unknown.Count > 0)
            {
                run.Info(RuleIds.UnknownCode, $"{unknown.Count} code(s) not in the reference lists: {string.Join(", ", unknown.Take(20))}",
                    $"{unknown.Count}个科目编码不在参考代码表中", run.At(table, null, null));
            }
        }

        foreach (var fact in record.Narrative)
        {
            if (Placeholders.Any(p => fact.Quote.Contains(p, StringComparison.Ordinal)))
            {
                run.Warn(RuleIds.Placeholder, "placeholder text left in the narrative", "说明中残留模板占位符", new Location { File = fact.File, Page = fact.Page, Quote = fact.Quote });
                break;
            }
        }

    }
}
