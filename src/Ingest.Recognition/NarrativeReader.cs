using System.Globalization;
using System.Text.RegularExpressions;
using Ingest.Core.Records;
using Ingest.Core.Text;

namespace Ingest.Recognition;

/// <summary>A run of narrative text with where it was read.</summary>
internal sealed record NarrativePassage(int File, int Page, string Text);

/// <summary>
/// Reads the amounts, shares and year-on-year changes that the 情况说明 states, with their meaning.
/// An amount is a number followed by a money unit, so a year (2024年) is never read as an amount.
/// </summary>
internal static partial class NarrativeReader
{
    [GeneratedRegex(@"(?<num>\d[\d,]*(?:\.\d+)?)\s*(?<unit>亿元|万元|千元|元)")]
    private static partial Regex AmountPattern();

    [GeneratedRegex(@"(?<num>\d+(?:\.\d+)?)\s*%")]
    private static partial Regex PercentPattern();

    [GeneratedRegex(@"(?<dir>增加|减少|增长|下降|上升|降低|持平|减幅|增幅)")]
    private static partial Regex DirectionPattern();

    // Ordered: more specific keywords first.
    private static readonly (string Keyword, string Key)[] Keys =
    [
        ("收入总计", "revenue_total"),
        ("支出总计", "expenditure_total"),
        ("收入合计", "revenue_current"),
        ("支出合计", "expenditure_current"),
        ("本年收入", "revenue_current"),
        ("本年支出", "expenditure_current"),
        ("公务用车购置及运行", "three_public.vehicle_total"),
        ("公务用车购置费", "three_public.vehicle_purchase"),
        ("公务用车运行", "three_public.vehicle_operation"),
        ("因公出国", "three_public.abroad"),
        ("公务接待", "three_public.reception"),
        ("三公", "three_public.total"),
        ("机关运行经费", "institution_operating"),
        ("机构运行经费", "institution_operating"),
        ("政府采购货物", "procurement.goods"),
        ("政府采购工程", "procurement.works"),
        ("政府采购服务", "procurement.services"),
        ("货物类", "procurement.goods"),
        ("工程类", "procurement.works"),
        ("服务类", "procurement.services"),
        ("政府采购", "procurement.total"),
        ("人员经费", "personnel"),
        ("公用经费", "public_operating"),
        ("基本支出", "basic_expenditure"),
        ("项目支出", "project_expenditure"),
        ("政府性基金", "government_fund"),
        ("国有资本经营", "state_capital"),
        ("一般公共预算支出", "general_public_expenditure"),
        ("一般公共预算收支", "general_public_expenditure"),
        ("一般公共预算", "general_public_budget"),
        ("财政拨款收入", "fiscal_grant"),
        ("财政拨款收支", "fiscal_grant"),
        ("财政拨款支出", "fiscal_grant_expenditure"),
        ("事业单位经营收入", "operating_income"),
        ("经营收入", "operating_income"),
        ("事业收入", "business_income"),
        ("上级补助收入", "superior_subsidy"),
        ("附属单位上缴收入", "affiliate_remittance"),
        ("其他收入", "other_income"),
        ("收入", "revenue_total"),
        ("支出", "expenditure_total"),
    ];

    public static List<NarrativeFact> Read(IEnumerable<NarrativePassage> passages)
    {
        var facts = new List<NarrativeFact>();
        foreach (var passage in passages)
        {
            foreach (var sentence in Sentences(passage.Text))
            {
                ReadSentence(passage, sentence, facts);
            }
        }

        return facts;
    }

    private static IEnumerable<string> Sentences(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '。' or '\n')
            {
                if (i > start)
                {
                    yield return text[start..(i + 1)].Trim();
                }

                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            yield return text[start..].Trim();
        }
    }

    private static void ReadSentence(NarrativePassage passage, string sentence, List<NarrativeFact> facts)
    {
        string? lastKey = null;
        decimal? lastAmount = null;
        string? firstKey = null;
        decimal? firstAmount = null;
        var clauses = sentence.Split(['，', ',', '；', ';', '：', ':'], StringSplitOptions.RemoveEmptyEntries);
        var pendingChange = (NarrativeFact?)null;
        foreach (var clause in clauses)
        {
            var amountMatch = AmountPattern().Match(clause);
            var percentMatch = PercentPattern().Match(clause);
            var dirMatch = DirectionPattern().Match(clause);
            var before = amountMatch.Success ? clause[..amountMatch.Index] : clause;
            var key = KeyOf(before) ?? (amountMatch.Success ? null : KeyOf(clause));

            if (amountMatch.Success)
            {
                var unit = amountMatch.Groups["unit"].Value;
                var printed = amountMatch.Groups["num"].Value;
                if (!decimal.TryParse(printed.Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
                {
                    continue;
                }

                var amount = number * MoneyUnit.Multiplier(unit);
                var isChange = dirMatch.Success && dirMatch.Index < amountMatch.Index;
                if (isChange)
                {
                    var subject = key ?? lastKey ?? firstKey;
                    if (subject is null)
                    {
                        continue;
                    }

                    pendingChange = new NarrativeFact
                    {
                        Key = subject + ".change",
                        Kind = "change",
                        Amount = amount,
                        Printed = printed,
                        Unit = unit,
                        Direction = Direction(dirMatch.Value),
                        CurrentAmount = FindCurrent(facts, passage, subject, sentence) ,
                        Quote = sentence,
                        File = passage.File,
                        Page = passage.Page,
                    };
                    facts.Add(pendingChange);
                    if (percentMatch.Success && percentMatch.Index > amountMatch.Index)
                    {
                        pendingChange.Percent = decimal.Parse(percentMatch.Groups["num"].Value, CultureInfo.InvariantCulture);
                        pendingChange = null;
                    }

                    continue;
                }

                if (key is null)
                {
                    continue;
                }

                var fact = new NarrativeFact
                {
                    Key = key,
                    Kind = "amount",
                    Amount = amount,
                    Printed = printed,
                    Unit = unit,
                    Quote = sentence,
                    File = passage.File,
                    Page = passage.Page,
                };
                if (percentMatch.Success && percentMatch.Index > amountMatch.Index && clause.Contains('占', StringComparison.Ordinal))
                {
                    AddShare(fact, percentMatch, firstKey, firstAmount);
                }

                facts.Add(fact);
                lastKey = key;
                lastAmount = amount;
                if (firstKey is null)
                {
                    firstKey = key;
                    firstAmount = amount;
                }

                pendingChange = null;
                continue;
            }

            if (percentMatch.Success)
            {
                if (pendingChange is not null && pendingChange.Percent is null)
                {
                    pendingChange.Percent = decimal.Parse(percentMatch.Groups["num"].Value, CultureInfo.InvariantCulture);
                    if (dirMatch.Success && Direction(dirMatch.Value) is { } d2 && d2 != pendingChange.Direction)
                    {
                        // 减少…，增长…%: keep the word that goes with the percentage too.
                        pendingChange.Direction = pendingChange.Direction + "/" + d2;
                    }

                    pendingChange = null;
                }
                else if (clause.Contains('占', StringComparison.Ordinal) && lastKey is not null && facts.Count > 0 && facts[^1].Key == lastKey && facts[^1].Percent is null)
                {
                    AddShare(facts[^1], percentMatch, firstKey, firstAmount);
                }
            }

            _ = lastAmount;
        }
    }

    private static void AddShare(NarrativeFact fact, Match percentMatch, string? firstKey, decimal? firstAmount)
    {
        fact.Percent = decimal.Parse(percentMatch.Groups["num"].Value, CultureInfo.InvariantCulture);
        fact.Kind = "share";
        if (firstKey is not null && firstKey != fact.Key)
        {
            fact.BaseKey = firstKey;
            fact.BaseAmount = firstAmount;
        }
    }

    private static decimal? FindCurrent(List<NarrativeFact> facts, NarrativePassage passage, string subject, string sentence)
    {
        for (var i = facts.Count - 1; i >= 0; i--)
        {
            var f = facts[i];
            if (f.Kind != "change" && f.Amount is not null && f.File == passage.File && (f.Key == subject || SameMeaning(f.Key, subject)) && (f.Quote == sentence || f.Page == passage.Page || f.Page == passage.Page - 1))
            {
                return f.Amount;
            }
        }

        return null;
    }

    private static bool SameMeaning(string a, string b) =>
        (a, b) is ("revenue_total", "revenue_current") or ("revenue_current", "revenue_total")
            or ("expenditure_total", "expenditure_current") or ("expenditure_current", "expenditure_total");

    private static string? Direction(string word) => word switch
    {
        "增加" or "增长" or "上升" or "增幅" => "increase",
        "减少" or "下降" or "降低" or "减幅" => "decrease",
        "持平" => "flat",
        _ => null,
    };

    private static string? KeyOf(string text)
    {
        var t = ChineseText.Compact(text);
        // The specific keyword that ends nearest to the number wins (其中：基本支出 …); the generic
        // 收入/支出 only when nothing more specific is said.
        string? best = null;
        var bestEnd = -1;
        foreach (var (keyword, key) in Keys)
        {
            if (keyword is "收入" or "支出")
            {
                continue;
            }

            var pos = t.LastIndexOf(keyword, StringComparison.Ordinal);
            if (pos >= 0 && pos + keyword.Length > bestEnd)
            {
                bestEnd = pos + keyword.Length;
                best = key;
            }
        }

        if (best is not null)
        {
            return best;
        }

        // 收入/支出 alone only right before the figure (收入预算9628.22万元, 支出减少…).
        var tail = t.Length > 6 ? t[^6..] : t;
        var income = tail.LastIndexOf("收入", StringComparison.Ordinal);
        var spending = tail.LastIndexOf("支出", StringComparison.Ordinal);
        if (t.Contains('类', StringComparison.Ordinal) && t.Contains('项', StringComparison.Ordinal))
        {
            return null;
        }

        return income < 0 && spending < 0 ? null : income > spending ? "revenue_total" : "expenditure_total";
    }
}
