using System.Globalization;
using Ingest.Core.Records;
using Ingest.Core.Text;

namespace Ingest.Core.Validation;

/// <summary>§4.13: 完成率 = 决算数 / 预算数 × 100, in the narrative and in tables that print a 完成率 column.</summary>
internal static class CompletionRates
{
    /// <summary>Compares a stated rate with the recomputed one; the envelope carries the rounding of both amounts and of the rate.</summary>
    public static void Check(RuleRun run, decimal final, decimal budget, decimal finalHalf, decimal budgetHalf, decimal percent, decimal percentHalf,
        Func<Location> where, string what)
    {
        var computed = final / budget * 100m;
        if (Math.Round(computed, percent.Scale, MidpointRounding.AwayFromZero) == percent)
        {
            // Agrees at the printed precision.
            run.Passed(RuleIds.CompletionRate);
            return;
        }

        var envelope = percentHalf + (100m * ((finalHalf / Math.Abs(budget)) + (Math.Abs(final) * budgetHalf / (budget * budget))));
        run.Equal(RuleIds.CompletionRate, Math.Round(computed, 4), percent, envelope, where,
            $"{what}: stated completion rate {percent}% vs recomputed {Math.Round(computed, 2)}% ({RuleRun.Fmt(final)} / {RuleRun.Fmt(budget)} 元)",
            $"{what}：完成率印为{percent}%，按决算数{RuleRun.Fmt(final)}元、预算数{RuleRun.Fmt(budget)}元计算为{Math.Round(computed, 2)}%", "%");
    }

    /// <summary>Rows of a table that prints 预算数, 决算数 and 完成率 side by side.</summary>
    public static void Run(RuleRun run)
    {
        // Recorded for every document: not_applicable unless a stated rate is found (here or in the narrative).
        run.NotApplicable(RuleIds.CompletionRate);
        foreach (var t in run.Record.Tables.Where(t => t.Columns.Exists(c => c.Id == Columns.CompletionRate)))
        {
            foreach (var row in t.Rows)
            {
                if (Percent(row.Printed.GetValueOrDefault(Columns.CompletionRate)) is not { } percent
                    || Amounts.Get(t, row, Columns.BudgetAmount) is not { } budget || Amounts.Get(t, row, Columns.FinalAmount) is not { } final)
                {
                    continue;
                }

                if (budget.Yuan == 0m)
                {
                    run.Insufficient(RuleIds.CompletionRate);
                    continue;
                }

                Check(run, final.Yuan, budget.Yuan, final.HalfUnitYuan, budget.HalfUnitYuan, percent, NarrativeRules.PercentHalfUnit(percent),
                    () => run.At(t, row, Columns.CompletionRate), RuleRun.Label(row));
            }
        }
    }

    /// <summary>A printed percentage (98.2, 98.20%, ９８．２％); null when blank or not a number.</summary>
    private static decimal? Percent(string? printed)
    {
        var text = ChineseText.Clean(printed).Replace("%", "", StringComparison.Ordinal).Replace("％", "", StringComparison.Ordinal).Trim();
        return decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var p) ? p : null;
    }
}
