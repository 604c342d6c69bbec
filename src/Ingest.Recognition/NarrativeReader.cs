using System.Globalization;
using System.Text.RegularExpressions;
using Ingest.Core;
using Ingest.Core.Records;
using Ingest.Core.Text;

namespace Ingest.Recognition;

/// <summary>A run of narrative text with where it was read.</summary>
internal sealed record NarrativePassage(int File, int Page, string Text);

/// <summary>
/// Reads the amounts, shares and year-on-year changes that the 情况说明 states, with their meaning.
/// An amount is a number followed by a money unit, so a year (2024年) is never read as an amount.
/// A share (占38.27%) is of the amount its passage introduces before 其中, or of the one it names (占"三公"经费的31.14%).
/// </summary>
internal static partial class NarrativeReader
{
    [GeneratedRegex(@"(?<num>\d[\d,]*(?:\.\d+)?)(?<unit>亿元|万元|千元|元)")]
    private static partial Regex AmountPattern();

    [GeneratedRegex(@"(?<num>\d+(?:\.\d+)?)%")]
    private static partial Regex PercentPattern();

    [GeneratedRegex(@"(?<dir>增加|减少|增长|下降|上升|降低|持平|减幅|增幅|调减|调增|压减|缩减|小于|少于|大于|多于|节约|超出)")]
    private static partial Regex DirectionPattern();

    [GeneratedRegex(@"占(?<base>[^占%\d]{1,16}?)的?(?=\d)")]
    private static partial Regex NamedBase();

    [GeneratedRegex(@"(?<name>[\u4e00-\u9fa5]{2,14}?)(?:支出)?[(（]类[)）]")]
    private static partial Regex LeiItem();

    [GeneratedRegex(@"(收入|支出)(预算|决算)?(?<total>总额|总计|合计|规模)(为|是|共|共计|达)?$")]
    private static partial Regex GenericTotalTail();

    [GeneratedRegex(@"(收入|支出)(预算|决算)?(为|是|共|共计|达)?$")]
    private static partial Regex GenericTail();

    [GeneratedRegex(@"(?<=\d)\s+(?=[\d.,%])|(?<=[\d.,])\s+(?=\d)")]
    private static partial Regex SpacedDigits();

    // 年初预算为2993.92万元，支出决算为2940.05万元，完成年初预算的98.20%.
    [GeneratedRegex(@"预算数?(?:为|是)?(?<budget>\d[\d,]*(?:\.\d+)?)(?<bu>亿元|万元|千元|元)[^。；;%\d]{0,8}?决算数?(?:为|是)?(?<final>\d[\d,]*(?:\.\d+)?)(?<fu>亿元|万元|千元|元)[^。；;%\d]{0,4}?(?:完成(?:年初)?预算数?的|为(?:年初)?预算数?的|完成率为?)(?<rate>\d+(?:\.\d+)?)%")]
    private static partial Regex CompletionPattern();

    [GeneratedRegex(@"(?=(?:^|[。；;])?\s*(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）]))")]
    private static partial Regex SectionStart();

    /// <summary>Keys naming where money comes from rather than what it is for.</summary>
    private static readonly HashSet<string> FundKeys =
    [
        "fiscal_grant", "fiscal_grant_expenditure", "fiscal_grant_total", "general_public_budget", "general_public_expenditure",
        "government_fund", "state_capital",
    ];

    // A budget figure quoted beside the 决算 (年初预算为…, 预算数为…): not the amount the sentence reports.
    [GeneratedRegex(@"(?:年初|调整|全年)?预算数?(?:为|是)?$")]
    private static partial Regex BudgetFigureBefore();

    // Ordered: more specific keywords first; the one ending nearest to the figure wins.
    private static readonly (string Keyword, string Key)[] Keys =
    [
        ("财政拨款收入支出总计", "fiscal_grant_total"),
        ("收入支出总计", "revenue_total"),
        ("收入总计", "revenue_total"),
        ("支出总计", "expenditure_total"),
        ("收入合计", "revenue_current"),
        ("支出合计", "expenditure_current"),
        ("本年收入", "revenue_current"),
        ("本年支出", "expenditure_current"),
        ("公务用车购置及运行", "three_public.vehicle_total"),
        ("公务用车购置费", "three_public.vehicle_purchase"),
        ("公务用车购置", "three_public.vehicle_purchase"),
        ("公务用车运行", "three_public.vehicle_operation"),
        ("因公出国", "three_public.abroad"),
        ("公务接待", "three_public.reception"),
        ("三公", "three_public.total"),
        ("会议费", "meeting"),
        ("培训费", "training"),
        ("机关运行经费", "institution_operating"),
        ("机构运行经费", "institution_operating"),
        ("政府采购货物", "procurement.goods"),
        ("政府采购工程", "procurement.works"),
        ("政府采购服务", "procurement.services"),
        ("货物类", "procurement.goods"),
        ("工程类", "procurement.works"),
        ("服务类", "procurement.services"),
        ("货物采购", "procurement.goods"),
        ("工程采购", "procurement.works"),
        ("服务采购", "procurement.services"),
        ("采购货物", "procurement.goods"),
        ("采购工程", "procurement.works"),
        ("采购服务", "procurement.services"),
        ("政府采购", "procurement.total"),
        ("人员经费", "personnel"),
        ("公用经费", "public_operating"),
        ("基本支出", "basic_expenditure"),
        ("项目支出", "project_expenditure"),
        ("政府性基金", "government_fund"),
        ("国有资本经营", "state_capital"),
        ("一般公共预算支出", "general_public_expenditure"),
        // 一般公共预算财政拨款支出 is the general public budget's part of 财政拨款支出 (T5 合计, T4 一般公共预算 column),
        // not all fiscal-grant spending (which also holds 政府性基金): listed before 财政拨款支出, which ends at the same place.
        ("一般公共预算财政拨款支出", "general_public_expenditure"),
        ("一般公共预算财政拨款预算支出", "general_public_expenditure"),
        ("一般公共预算财政拨款决算支出", "general_public_expenditure"),
        ("一般公共预算收支", "general_public_expenditure"),
        ("一般公共预算", "general_public_budget"),
        ("财政拨款收入支出", "fiscal_grant_total"),
        ("财政拨款收支总", "fiscal_grant_total"),
        ("财政拨款支出", "fiscal_grant_expenditure"),
        ("财政拨款预算支出", "fiscal_grant_expenditure"),
        ("财政拨款决算支出", "fiscal_grant_expenditure"),
        ("财政拨款预算收入", "fiscal_grant"),
        ("财政拨款收入", "fiscal_grant"),
        ("财政拨款收支", "fiscal_grant"),
        ("事业单位经营收入", "operating_income"),
        ("经营收入", "operating_income"),
        ("事业收入", "business_income"),
        ("上级补助收入", "superior_subsidy"),
        ("附属单位上缴收入", "affiliate_remittance"),
        ("其他收入", "other_income"),
        ("其他资金", "other_income"),
        ("财政专户", "special_account"),
    ];

    public static List<NarrativeFact> Read(IEnumerable<NarrativePassage> passages)
    {
        var facts = new List<NarrativeFact>();
        foreach (var passage in passages)
        {
            var text = SpacedDigits().Replace(ChineseText.Clean(passage.Text), "");
            NarrativeFact? previous = null;
            foreach (var sentence in Sentences(text))
            {
                previous = ReadSentence(passage, sentence, facts, previous);
                facts.AddRange(Completions(passage, sentence));
            }
        }

        return facts;
    }

    /// <summary>决算 vs 预算 with a stated completion rate (§4.13): kind <c>completion</c>, amount = 决算, base = 预算.</summary>
    private static IEnumerable<NarrativeFact> Completions(NarrativePassage passage, string sentence)
    {
        foreach (Match m in CompletionPattern().Matches(sentence))
        {
            var budget = decimal.Parse(m.Groups["budget"].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
            var printed = m.Groups["final"].Value.Replace(",", "", StringComparison.Ordinal);
            var unit = m.Groups["fu"].Value;
            yield return new NarrativeFact
            {
                Key = (KeyOf(sentence[..m.Index], sentenceStart: true) ?? "expenditure") + ".completion",
                Kind = "completion",
                Amount = decimal.Parse(printed, CultureInfo.InvariantCulture) * MoneyUnit.Multiplier(unit),
                Printed = printed,
                Unit = unit,
                BaseAmount = budget * MoneyUnit.Multiplier(m.Groups["bu"].Value),
                Percent = decimal.Parse(m.Groups["rate"].Value, CultureInfo.InvariantCulture),
                Quote = sentence,
                File = passage.File,
                Page = passage.Page,
            };
        }
    }

    private static IEnumerable<string> Sentences(string text)
    {
        foreach (var section in SectionStart().Split(text))
        {
            var start = 0;
            for (var i = 0; i < section.Length; i++)
            {
                if (section[i] is '。' or '\n')
                {
                    if (i > start)
                    {
                        yield return section[start..(i + 1)].Trim();
                    }

                    start = i + 1;
                }
            }

            if (start < section.Length && section[start..].Trim().Length > 0)
            {
                yield return section[start..].Trim();
            }
        }
    }

    /// <returns>The last amount stated in the sentence (the base of a following "其中：…占…%").</returns>
    private static NarrativeFact? ReadSentence(NarrativePassage passage, string sentence, List<NarrativeFact> facts, NarrativeFact? previous)
    {
        NarrativeFact? last = null;
        NarrativeFact? shareBase = null;
        NarrativeFact? pendingChange = null;
        string? budgetSubject = null;
        var clauses = sentence.Split(['，', ',', '；', ';', '：', ':', '、'], StringSplitOptions.RemoveEmptyEntries);
        var first = true;
        foreach (var clause in clauses)
        {
            var sentenceStart = first;
            first = false;
            if (clause.Contains("其中", StringComparison.Ordinal) && (last ?? previous) is { } introduced)
            {
                shareBase = introduced;
            }

            var amountMatch = AmountPattern().Match(clause);
            var percentMatch = PercentPattern().Match(clause);
            var dirMatch = DirectionPattern().Match(clause);
            var before = amountMatch.Success ? clause[..amountMatch.Index] : clause;
            var key = KeyOf(before, sentenceStart);

            if (amountMatch.Success)
            {
                var unit = amountMatch.Groups["unit"].Value;
                var printed = amountMatch.Groups["num"].Value.Replace(",", "", StringComparison.Ordinal);
                if (!decimal.TryParse(printed, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
                {
                    continue;
                }

                var amount = number * MoneyUnit.Multiplier(unit);
                if (dirMatch.Success && dirMatch.Index < amountMatch.Index)
                {
                    // The subject stands right before the direction word (收入减少…, 支出增加…).
                    var subject = KeyOf(clause[..dirMatch.Index], sentenceStart: true, changeSubject: true) ?? key ?? last?.Key;
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
                        CurrentAmount = Current(facts, passage, subject),
                        Quote = sentence,
                        File = passage.File,
                        Page = passage.Page,
                    };
                    facts.Add(pendingChange);
                    if (percentMatch.Success && percentMatch.Index > amountMatch.Index)
                    {
                        pendingChange.Percent = Percent(percentMatch);
                        pendingChange = null;
                    }

                    continue;
                }

                pendingChange = null;
                if (sentence.Contains("决算", StringComparison.Ordinal) && BudgetFigureBefore().IsMatch(ChineseText.Compact(before)))
                {
                    // 支出年初预算为2993.92万元，支出决算为2940.05万元: the subject goes to the 决算 figure that follows.
                    budgetSubject = key ?? budgetSubject;
                    continue;
                }

                if (key is null && budgetSubject is not null && before.Contains("决算", StringComparison.Ordinal))
                {
                    key = budgetSubject;
                }

                budgetSubject = null;
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
                facts.Add(fact);
                if (percentMatch.Success && percentMatch.Index > amountMatch.Index && clause.Contains('占', StringComparison.Ordinal))
                {
                    AddShare(fact, clause[amountMatch.Index..], percentMatch, shareBase ?? FirstOf(facts, sentence, fact), facts, passage);
                }

                last = fact;
                continue;
            }

            if (!percentMatch.Success)
            {
                continue;
            }

            // The rate of a change follows it directly (减少568.63万元，下降62.88%); a percentage inside an
            // explanation (主要原因……压减10%) is another statement.
            if (pendingChange is not null && pendingChange.Percent is null && !Explains(clause))
            {
                pendingChange.Percent = Percent(percentMatch);
                if (dirMatch.Success && Direction(dirMatch.Value) is { } second && second != pendingChange.Direction)
                {
                    // 减少…，增长…%: two words for one change that disagree.
                    pendingChange.Direction = pendingChange.Direction + "/" + second;
                }

                pendingChange = null;
            }
            else if (clause.Contains('占', StringComparison.Ordinal) && last is not null && last.Percent is null)
            {
                AddShare(last, clause, percentMatch, shareBase ?? FirstOf(facts, sentence, last), facts, passage);
            }
        }

        return last;
    }

    private static bool Explains(string clause) =>
        clause.Contains("原因", StringComparison.Ordinal) || clause.Contains("由于", StringComparison.Ordinal) || clause.Contains("因为", StringComparison.Ordinal)
        || clause.Contains("主要是", StringComparison.Ordinal) || clause.Contains("按规定", StringComparison.Ordinal);

    private static NarrativeFact? FirstOf(List<NarrativeFact> facts, string sentence, NarrativeFact except) =>
        facts.Find(f => f.Quote == sentence && f.Kind != "change" && !ReferenceEquals(f, except));

    private static void AddShare(NarrativeFact fact, string text, Match percentMatch, NarrativeFact? implicitBase, List<NarrativeFact> facts, NarrativePassage passage)
    {
        fact.Percent = Percent(percentMatch);
        fact.Kind = "share";
        var named = NamedBase().Match(text);
        if (named.Success && named.Index < percentMatch.Index && KeyOf(named.Groups["base"].Value, true) is { } baseKey)
        {
            fact.BaseKey = baseKey;
            fact.BaseAmount = Current(facts, passage, baseKey, fact);
            return;
        }

        if (implicitBase is not null && implicitBase.Key != fact.Key)
        {
            fact.BaseKey = implicitBase.Key;
            fact.BaseAmount = implicitBase.Amount;
        }
    }

    private static decimal Percent(Match m) => decimal.Parse(m.Groups["num"].Value, CultureInfo.InvariantCulture);

    /// <summary>The latest amount stated for a key in the same file, near this page.</summary>
    private static decimal? Current(List<NarrativeFact> facts, NarrativePassage passage, string key, NarrativeFact? except = null)
    {
        // The same key first, then a key of the same meaning (收入总计 for 收入合计 when only one is stated).
        foreach (var exact in new[] { true, false })
        {
            for (var i = facts.Count - 1; i >= 0; i--)
            {
                var f = facts[i];
                if (!ReferenceEquals(f, except) && f.Kind != "change" && f.Amount is not null && f.File == passage.File && Math.Abs(f.Page - passage.Page) <= 1
                    && (exact ? f.Key == key : SameMeaning(f.Key, key)))
                {
                    return f.Amount;
                }
            }
        }

        return null;
    }

    private static bool SameMeaning(string a, string b) =>
        (a, b) is ("revenue_total", "revenue_current") or ("revenue_current", "revenue_total")
            or ("expenditure_total", "expenditure_current") or ("expenditure_current", "expenditure_total");

    private static string? Direction(string word) => word switch
    {
        "增加" or "增长" or "上升" or "增幅" or "调增" or "大于" or "多于" or "超出" => "increase",
        "减少" or "下降" or "降低" or "减幅" or "调减" or "压减" or "缩减" or "小于" or "少于" or "节约" => "decrease",
        "持平" => "flat",
        _ => null,
    };

    internal static string? KeyOf(string text, bool sentenceStart = false, bool changeSubject = false)
    {
        var t = ChineseText.Compact(text);
        // An item of the functional classification: 一般公共服务支出（类）2106.66万元.
        var lei = LeiItem().Match(t);
        if (lei.Success && lei.Index + lei.Length >= t.Length - 2 && CodeCatalog.Default.FunctionalLeiByName(lei.Groups["name"].Value) is { } code)
        {
            return "expenditure." + code;
        }

        // A 类 named on its own (2.社会保障和就业支出1608.51万元).
        if (CodeCatalog.Default.FunctionalLeiExact(t) is { } exact)
        {
            return "expenditure." + exact;
        }

        if (t.Contains("(项)", StringComparison.Ordinal) || t.Contains("（项）", StringComparison.Ordinal) || t.Contains("科目", StringComparison.Ordinal) && t.Contains('-', StringComparison.Ordinal))
        {
            return null;
        }

        string? best = null;
        var bestEnd = -1;
        foreach (var (keyword, key) in Keys)
        {
            var pos = t.LastIndexOf(keyword, StringComparison.Ordinal);
            if (pos >= 0 && pos + keyword.Length > bestEnd)
            {
                bestEnd = pos + keyword.Length;
                best = key;
            }
        }

        if (best is not null && best.StartsWith("procurement.", StringComparison.Ordinal)
            && (t.Contains("中小企业", StringComparison.Ordinal) || t.Contains("小微企业", StringComparison.Ordinal)))
        {
            // 面向中小企业预留政府采购项目预算金额…: a share reserved for small firms, not the procurement total.
            return t.Contains("小微企业", StringComparison.Ordinal) ? "procurement.small_micro_reserved" : "procurement.sme_reserved";
        }

        if (best is not null && FundKeys.Contains(best))
        {
            // "三公"经费财政拨款支出, 机关运行经费一般公共预算…: the item is the subject, the fund only says who pays for it.
            var itemEnd = -1;
            foreach (var (keyword, key) in Keys)
            {
                var pos = t.LastIndexOf(keyword, StringComparison.Ordinal);
                if (pos >= 0 && !FundKeys.Contains(key) && !key.StartsWith("revenue", StringComparison.Ordinal) && !key.StartsWith("expenditure", StringComparison.Ordinal)
                    && pos + keyword.Length > itemEnd)
                {
                    itemEnd = pos + keyword.Length;
                    best = key;
                }
            }
        }

        if (best is not null)
        {
            return best;
        }

        // 收入/支出 alone: as a total (支出总额为…), or opening a sentence (…2026年收入预算9628.22万元);
        // mid-sentence it usually continues another subject (年初预算为…，支出决算为…).
        var generic = GenericTotalTail().Match(t);
        if (!generic.Success && ((sentenceStart && t.Length >= 4) || changeSubject))
        {
            generic = GenericTail().Match(t);
        }

        return generic.Success ? (generic.Groups[1].Value == "收入" ? "revenue_total" : "expenditure_total") : null;
    }
}
