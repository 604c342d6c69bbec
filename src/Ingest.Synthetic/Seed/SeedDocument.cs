using Ingest.Core.Records;
using Ingest.Synthetic.Model;
using Ingest.Synthetic.Render;

namespace Ingest.Synthetic.Seed;

/// <summary>
/// The seed document (../shared/seeds/000_*.txt, the 2022 budget of a Luoyang office) rendered as a
/// PDF with the generator's writer, and its truth: every table with canonical ids and the seed's
/// printed values, and the narrative's stated figures.
/// </summary>
internal static class SeedDocument
{
    public const string Organization = "伊滨经开区（示范区）工信科技金融工作领导小组办公室";
    public const string Name = "seed_2022";

    /// <summary>The figures the narrative states: key, kind, amount (万元 as printed), percent, direction, quote (exact text).</summary>
    private static readonly (string Key, string Kind, string? Printed, decimal? Percent, string? Direction, string Quote)[] Facts =
    [
        ("revenue_total", "amount", "335.71", null, null, "收入总计 335.71 万元"),
        ("expenditure_total", "amount", "335.71", null, null, "支出总计 335.71 万元"),
        ("revenue_total.change", "change", "568.63", 62.88m, "decrease", "收入减少 568.63 万元，下降 62.88%"),
        ("expenditure_total.change", "change", "568.63", 62.88m, "decrease", "支出减少 568.63 万元，下降 62.88%"),
        ("income_current", "amount", "335.71", null, null, "收入合计 335.71 万元"),
        ("income.general_public_budget", "amount", "335.71", null, null, "一般公共预算 335.71 万元"),
        ("expenditure_current", "amount", "335.71", null, null, "支出合计 335.71 万元"),
        ("basic_expenditure", "share", "128.47", 38.27m, null, "基本支出 128.47 万元，占 38.27%"),
        ("project_expenditure", "share", "207.24", 61.73m, null, "项目支出 207.24 万元，占 61.73%"),
        ("fiscal_grant_total", "amount", "335.71", null, null, "一般公共预算收支预算 335.71 万元"),
        ("fiscal_grant_total.change", "change", "568.63", 62.88m, "decrease", "一般公共预算收支预算减少 568.63 万元，下降 62.88%"),
        ("gpb_expenditure", "amount", "335.71", null, null, "一般公共预算支出年初预算为 335.71 万元"),
        ("gpb_basic", "share", "128.47", 38.27m, null, "基本支出 128.47 万元，占 38.27%"),
        ("gpb_project", "share", "207.24", 61.73m, null, "项目支出 207.24 万元，占 61.73%"),
        ("gpb_basic", "amount", "128.47", null, null, "一般公共预算基本支出年初预算为 128.47 万元"),
        ("personnel", "share", "113.41", 88.28m, null, "人员经费支出 113.41 万元，占 88.28%"),
        ("public_operating", "share", "15.06", 11.72m, null, "公用经费支出 15.06 万元，占 11.72%"),
        ("three_public.total", "amount", "1.40", null, null, "“三公”经费支出预算为 1.40 万元"),
        ("three_public.total.change", "change", "0.70", null, "decrease", "“三公”经费支出预算数比 2021 年减少 0.70 万元"),
        ("three_public.abroad", "amount", "0", null, null, "因公出国（境）费 0 万元"),
        ("three_public.reception", "amount", "1.40", null, null, "公务接待费 1.40 万元"),
        ("three_public.reception.change", "change", "0.70", null, "decrease", "预算数比 2021 年减少 0.70 万元"),
        ("three_public.vehicle_total", "amount", "0", null, null, "公务用车购置及运行费0万元"),
        ("three_public.vehicle_purchase", "amount", "0", null, null, "公务用车购置费0万元"),
        ("three_public.vehicle_operation", "amount", "0", null, null, "公务用车运行维护费0万元"),
        ("institution_operating", "amount", "14.94", null, null, "机构运行经费支出预算14.94万元"),
        ("institution_operating.change", "change", "14.72", 49.63m, "decrease", "机构运行经费支出预算减少14.72万元，下降49.63%"),
        ("procurement.total", "amount", "3.81", null, null, "政府采购预算安排3.81万元"),
        ("procurement.goods", "amount", "3.81", null, null, "政府采购货物预算 3.81 万元"),
        ("procurement.works", "amount", "0", null, null, "政府采购工程预算 0 万元"),
        ("procurement.services", "amount", "0", null, null, "政府采购服务预算 0 万元"),
    ];

    public static GeneratedDocument Generate(Corpus corpus, string seedText)
    {
        var seed = SeedText.Parse(seedText);
        var spec = new DocumentSpec
        {
            Name = Name,
            Organization = Organization,
            Region = "洛阳市",
            Year = 2022,
            Kind = "budget",
            Level = "department",
            Style = new Style { TableUnit = "万元", ThreePublicUnit = "万元", TextUnit = "万元", SplitCodes = true, Rules = RuleStyle.Lines },
        };

        var paragraphs = seed.Paragraphs().Select(p => new Paragraph { Text = p.Text, Heading = p.Heading }).ToList();
        AttachFacts(paragraphs);
        var tables = seed.Tables.Select(SeedTables.Build).ToList();
        if (tables.Count != 13)
        {
            throw new FormatException($"seed: expected 13 tables, found {tables.Count}");
        }

        return corpus.Render(spec, paragraphs, tables, Name);
    }

    /// <summary>Each fact goes to the first paragraph (after the previous fact's) whose text contains its quote.</summary>
    private static void AttachFacts(List<Paragraph> paragraphs)
    {
        int at = 0;
        int offset = 0;
        foreach (var f in Facts)
        {
            int found = -1;
            for (int i = at; i < paragraphs.Count && found < 0; i++)
            {
                int from = i == at ? offset : 0;
                int pos = paragraphs[i].Text.IndexOf(f.Quote, from, StringComparison.Ordinal);
                if (pos >= 0)
                {
                    found = i;
                    offset = pos + f.Quote.Length;
                }
            }

            if (found < 0)
            {
                throw new FormatException("seed: narrative quote not found in order: " + f.Quote);
            }

            at = found;
            decimal? amount = f.Printed is null ? null : decimal.Parse(f.Printed, System.Globalization.CultureInfo.InvariantCulture) * 10000m;
            paragraphs[found].Facts.Add(new TextFact(f.Key, f.Kind, amount, f.Printed, "万元", f.Percent,
                f.Percent?.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), f.Direction, f.Quote));
        }
    }

    public static void Write(Corpus corpus, string seedPath, string outDir)
    {
        var doc = Generate(corpus, File.ReadAllText(seedPath));
        Directory.CreateDirectory(outDir);
        foreach (var f in doc.Files)
        {
            File.WriteAllBytes(Path.Combine(outDir, f.Name), f.Bytes);
        }

        File.WriteAllText(Path.Combine(outDir, Name + ".truth.json"), RecordJson.Serialize(doc.Truth, indented: true) + "\n");
    }
}
