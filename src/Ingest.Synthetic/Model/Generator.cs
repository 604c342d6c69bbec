namespace Ingest.Synthetic.Model;

/// <summary>Draws a consistent document (amounts in 元) from a seeded <see cref="Random"/>.</summary>
internal sealed class Generator(CodeBook codes)
{
    private static readonly string[] Regions =
    [
        "上海市普陀区", "洛阳市伊滨区", "南京市鼓楼区", "成都市武侯区", "杭州市西湖区", "郑州市金水区", "广州市天河区",
        "武汉市江岸区", "济南市历下区", "苏州市姑苏区", "长沙市岳麓区", "西安市雁塔区", "合肥市蜀山区", "福州市鼓楼区",
        "江苏省", "河南省", "无锡市滨湖区", "宁波市鄞州区", "青岛市市南区", "昆明市五华区",
    ];

    // Department name suffix and the 款 of its own administration.
    private static readonly (string Name, string Kuan)[] Departments =
    [
        ("财政局", "20106"), ("统计局", "20105"), ("人大常委会办公室", "20101"), ("政协办公室", "20102"),
        ("市场监督管理局", "20138"), ("司法局", "20406"), ("人民法院", "20405"), ("人民检察院", "20404"),
        ("民政局", "20802"), ("城市管理局", "21201"), ("规划和自然资源局", "22001"), ("社会工作部", "20139"),
        ("委宣传部", "20133"), ("委组织部", "20132"), ("委统战部", "20134"), ("红十字会", "20816"),
        ("科学技术协会", "20607"), ("体育局", "20703"), ("委办公室", "20131"), ("住房和城乡建设委员会", "21203"),
        ("卫生健康委员会", "21007"), ("总工会", "20129"),
    ];

    private static readonly string[] UnitSuffixes =
    [
        "事务服务中心", "信息中心", "综合保障中心", "档案室", "执法大队", "发展研究中心", "培训中心",
    ];

    private static readonly string[] WageCodes = ["30101", "30102", "30103", "30107", "30199", "30112", "30106"];
    private static readonly string[] GoodsCodes =
    [
        "30201", "30202", "30205", "30206", "30207", "30209", "30211", "30213", "30214", "30215", "30216",
        "30226", "30227", "30228", "30229", "30239", "30299",
    ];

    private static readonly string[] FundItems = ["2120803", "2120899", "2296002", "2296003"];

    private readonly CodeBook _codes = codes;

    public DocumentSpec Generate(Random r, int index, bool forceVariety = true)
    {
        var doc = new DocumentSpec
        {
            Year = 2017 + r.Next(10),
            Kind = forceVariety && index % 4 == 3 ? "final_account" : (r.Next(6) == 0 ? "final_account" : "budget"),
            Level = forceVariety && index % 5 == 4 ? "unit" : (r.Next(6) == 0 ? "unit" : "department"),
        };
        doc.Region = Pick(r, Regions);
        var dept = Departments[r.Next(Departments.Length)];
        string deptName = doc.Region + (dept.Name.StartsWith("委", StringComparison.Ordinal) ? (doc.Region.EndsWith("省", StringComparison.Ordinal) ? "省" : "区") : "") + dept.Name;
        doc.Organization = doc.Level == "unit" ? doc.Region + dept.Name.TrimStart('委') + Pick(r, UnitSuffixes) : deptName;
        doc.OrgCode = (100 + r.Next(900)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        doc.Style = MakeStyle(r, index, doc, forceVariety);

        decimal g = doc.Style.TableUnit == "万元" ? 100m : 0.01m;
        BuildItems(r, doc, dept.Kuan, g);
        BuildThreePublic(r, doc);
        BuildEconomic(r, doc, g);

        if (doc.IsFinal)
        {
            doc.Carryover = r.Next(2) == 0 ? 0 : RoundDown(doc.Gpb * (decimal)(0.02 + (r.NextDouble() * 0.1)), g);
            doc.CarryForward = r.Next(2) == 0 ? 0 : RoundDown(doc.Gpb * (decimal)(0.01 + (r.NextDouble() * 0.08)), g);
        }
        else
        {
            doc.Carryover = r.Next(3) == 0 ? RoundDown(doc.Gpb * (decimal)(0.02 + (r.NextDouble() * 0.15)), g) : 0;
        }

        decimal change = (decimal)((r.NextDouble() * 1.0) - 0.4);
        doc.PriorYearTotal = Math.Max(g, RoundDown(doc.ExpenditureGrand / (1 + change), g));
        doc.PriorYearThreePublic = r.Next(4) == 0 ? doc.ThreePublic.Total : Math.Max(0, RoundDown(doc.ThreePublic.Total * (decimal)(0.6 + (r.NextDouble() * 0.8)), 100));
        doc.PriorYearInstitution = Math.Max(g, RoundDown(doc.InstitutionOperating * (decimal)(0.7 + (r.NextDouble() * 0.6)), g));

        decimal capital = doc.Items.Sum(i => i.Capital);
        doc.ProcurementGoods = capital + RoundDown(Money(r, 0, 300_000), g);
        doc.ProcurementWorks = r.Next(4) == 0 ? RoundDown(Money(r, 50_000, 2_000_000), g) : 0;
        doc.ProcurementServices = r.Next(2) == 0 ? RoundDown(Money(r, 20_000, 1_500_000), g) : 0;

        BuildUnits(r, doc, g);
        return doc;
    }

    private static Style MakeStyle(Random r, int index, DocumentSpec doc, bool force)
    {
        var s = new Style();
        int family = force ? index % 3 : r.Next(3);
        switch (family)
        {
            case 0: // Henan-like: 万元, split codes, ruled
                s.TableUnit = "万元";
                s.SplitCodes = true;
                s.DetailColumns = true;
                break;
            case 1: // Shanghai-like: tables in 元, 三公 and text in 万元, rotated portrait pages
                s.TableUnit = "元";
                s.Rotated = r.Next(3) != 0;
                s.Thousands = r.Next(2) == 0;
                s.GovEconCodes = r.Next(2) == 0;
                break;
            default: // Jiangsu-like: 万元, joined codes, numbered tables, often two files
                s.TableUnit = "万元";
                s.Numbering = 2;
                s.SplitFiles = force ? index % 2 == 0 : r.Next(2) == 0;
                s.ExtraColumns = true;
                break;
        }

        s.ThreePublicUnit = family == 1 ? "万元" : s.TableUnit;
        s.TextUnit = family == 1 ? "万元" : s.TableUnit;
        s.Rules = force ? (RuleStyle)((index / 3) % 3) : (RuleStyle)r.Next(3);
        s.BlankZeros = doc.IsFinal || r.Next(3) == 0;
        s.PackTables = r.Next(2) == 0;
        s.ContinuationMark = r.Next(3) == 0;
        s.TitleVariant = r.Next(3);
        if (s.Numbering == 0)
        {
            s.Numbering = r.Next(3) == 0 ? 0 : 1 + (r.Next(2) * 2);
        }

        // Flip a couple of switches so families overlap.
        if (r.Next(3) == 0)
        {
            s.SplitCodes = !s.SplitCodes;
        }

        if (r.Next(3) == 0)
        {
            s.DetailColumns = !s.DetailColumns;
        }

        if (r.Next(4) == 0)
        {
            s.ExtraColumns = !s.ExtraColumns;
        }

        if (r.Next(5) == 0 && family != 1)
        {
            s.Rotated = true;
        }

        s.LargeFont = r.Next(4) == 0;
        return s;
    }

    private void BuildItems(Random r, DocumentSpec doc, string kuan, decimal g)
    {
        int year = doc.Year;
        var inKuan = _codes.Xiang.Where(c => c.StartsWith(kuan, StringComparison.Ordinal)).ToList();
        string op = inKuan.Contains(kuan + "01") ? kuan + "01" : inKuan.Contains(kuan + "50") ? kuan + "50" : inKuan[0];
        int staff = 6 + r.Next(120);
        decimal wagePerHead = Money(r, 120_000, 260_000);
        decimal opWages = RoundDown(staff * wagePerHead, g);
        var items = new List<FuncItem>();
        FuncItem Item(string code) => new() { Code = code, Name = _codes.FuncName(code, year) };

        var operation = Item(op);
        operation.Wages = opWages;
        operation.Goods = RoundDown(staff * Money(r, 18_000, 60_000), g);
        operation.Capital = r.Next(2) == 0 ? RoundDown(Money(r, 8_000, 300_000), g) : 0;
        items.Add(operation);

        // Personnel-related 项 (social security, medical, housing fund, retirees).
        var pension = Item("2080505");
        pension.Wages = RoundDown(opWages * 0.16m, g);
        items.Add(pension);
        if (r.Next(2) == 0)
        {
            var annuity = Item("2080506");
            annuity.Wages = RoundDown(opWages * 0.08m, g);
            items.Add(annuity);
        }

        var medical = Item(doc.Level == "unit" && r.Next(2) == 0 ? "2101102" : "2101101");
        medical.Wages = RoundDown(opWages * (decimal)(0.05 + (r.NextDouble() * 0.04)), g);
        items.Add(medical);
        var housing = Item("2210201");
        housing.Wages = RoundDown(opWages * 0.12m, g);
        items.Add(housing);
        if (r.Next(2) == 0)
        {
            var retired = Item(r.Next(2) == 0 ? "2080501" : "2080502");
            retired.Household = RoundDown((1 + r.Next(30)) * Money(r, 20_000, 60_000), g);
            items.Add(retired);
        }

        // Project 项: others of the own 款 first, then from elsewhere.
        var personnelCodes = new HashSet<string>(StringComparer.Ordinal) { "2080501", "2080502", "2080504", "2080505", "2080506", "2080599", "2101101", "2101102", "2210201", "2210202", "2210203" };
        var candidates = inKuan.Where(c => c != op).ToList();
        var others = _codes.Xiang.Where(c => !c.StartsWith(kuan, StringComparison.Ordinal) && !personnelCodes.Contains(c)
            && !FundItems.Contains(c) && !c.EndsWith("01", StringComparison.Ordinal) && !c.EndsWith("50", StringComparison.Ordinal)).ToList();
        Shuffle(r, others);
        candidates.AddRange(others.Take(6));
        int target = 3 + r.Next(10);
        int projects = Math.Max(target - items.Count, r.Next(2) == 0 ? 1 : 0);
        for (int k = 0; k < projects && k < candidates.Count; k++)
        {
            if (items.Count >= 12)
            {
                break;
            }

            var p = Item(candidates[k]);
            decimal amount = RoundDown(Money(r, 30_000, 1_000_000) * (1 + r.Next(20)), g);
            decimal opPart = r.Next(3) == 0 ? 0 : RoundDown(amount * (decimal)r.NextDouble(), g);
            p.ProjectOperating = opPart;
            p.ProjectSpecific = amount - opPart;
            items.Add(p);
        }

        // Government fund projects (T8 not empty) in about a quarter of the documents.
        if (r.Next(4) == 0 && items.Count < 12)
        {
            var f = Item(FundItems[r.Next(FundItems.Length)]);
            f.Fund = RoundDown(Money(r, 100_000, 8_000_000), g);
            items.Add(f);
        }

        // Non-fiscal income spent on a project (事业收入 / 其他收入), more often for units.
        var projectItems = items.Where(i => i.GpbProject > 0).ToList();
        if (projectItems.Count > 0 && r.Next(doc.Level == "unit" ? 2 : 4) == 0)
        {
            doc.NonFiscalSource = r.Next(2) == 0 ? Ingest.Core.Columns.BusinessIncome : Ingest.Core.Columns.OtherIncome;
            projectItems[r.Next(projectItems.Count)].NonFiscal = RoundDown(Money(r, 20_000, 900_000), g);
        }

        items.Sort((a, b) => string.CompareOrdinal(a.Code, b.Code));
        doc.Items = items;
    }

    private static void BuildThreePublic(Random r, DocumentSpec doc)
    {
        // 三公 amounts are whole hundreds of 元 (exact at 万元 precision).
        var t = doc.ThreePublic;
        t.Reception = RoundDown(Money(r, 3_000, 60_000), 100);
        t.VehicleOperation = r.Next(4) == 0 ? 0 : RoundDown(Money(r, 15_000, 160_000), 100);
        t.VehiclePurchase = r.Next(5) == 0 ? RoundDown(Money(r, 150_000, 300_000), 100) : 0;
        t.Abroad = r.Next(4) == 0 ? RoundDown(Money(r, 20_000, 200_000), 100) : 0;
        if (doc.IsFinal)
        {
            // Final accounts print 预算数 beside 决算数: the budget is a little higher.
            var b = doc.ThreePublicBudget;
            b.Reception = t.Reception + RoundDown(Money(r, 0, 20_000), 100);
            b.VehicleOperation = t.VehicleOperation + (t.VehicleOperation > 0 ? RoundDown(Money(r, 0, 30_000), 100) : 0);
            b.VehiclePurchase = t.VehiclePurchase;
            b.Abroad = t.Abroad + (t.Abroad > 0 ? RoundDown(Money(r, 0, 50_000), 100) : 0);
        }
    }

    private void BuildEconomic(Random r, DocumentSpec doc, decimal g)
    {
        var econ = new List<EconItem>();
        void Add(string code, decimal amount)
        {
            if (amount <= 0)
            {
                return;
            }

            var existing = econ.Find(e => e.Code == code);
            if (existing is not null)
            {
                existing.Amount += amount;
                return;
            }

            string gov = _codes.GovCode(code);
            econ.Add(new EconItem
            {
                Code = code,
                Name = _codes.EconNames.GetValueOrDefault(code, code),
                GovCode = gov,
                GovName = _codes.GovNames.GetValueOrDefault(gov, gov),
                Amount = amount,
            });
        }

        // 301: benefits map to their own codes, the rest of the wages is spread over wage codes.
        decimal byCode(string prefix) => doc.Items.Where(i => i.Code.StartsWith(prefix, StringComparison.Ordinal)).Sum(i => i.Wages);
        decimal pension = byCode("2080505");
        decimal annuity = byCode("2080506");
        decimal medical = byCode("21011");
        decimal housing = byCode("2210201");
        decimal otherWages = doc.Items.Sum(i => i.Wages) - pension - annuity - medical - housing;
        Add("30108", pension);
        Add("30109", annuity);
        Add("30110", medical);
        Add("30113", housing);
        var wageCodes = WageCodes.Take(3 + r.Next(WageCodes.Length - 2)).ToList();
        foreach (var (code, part) in wageCodes.Zip(Partition(r, otherWages, wageCodes.Count, g)))
        {
            Add(code, part);
        }

        decimal household = doc.Items.Sum(i => i.Household);
        if (household > 0)
        {
            var parts = r.Next(2) == 0 ? [household] : Partition(r, household, 2, g);
            Add("30302", parts[0]);
            if (parts.Count > 1)
            {
                Add("30305", parts[1]);
            }
        }

        // 302: the 三公 related codes stay within the T7 items (T7 also covers project money).
        decimal goods = doc.Items.Sum(i => i.Goods);
        var t = doc.ThreePublic;
        decimal reception = Math.Min(RoundDown(t.Reception * (decimal)(0.3 + (r.NextDouble() * 0.7)), g), goods / 4);
        reception = RoundDown(reception, g);
        decimal vehicle = t.VehicleOperation > 0 ? RoundDown(Math.Min(t.VehicleOperation * (decimal)(0.4 + (r.NextDouble() * 0.6)), goods / 4), g) : 0;
        Add("30217", reception);
        Add("30231", vehicle);
        decimal rest = goods - reception - vehicle;
        var goodsCodes = GoodsCodes.ToList();
        Shuffle(r, goodsCodes);
        goodsCodes = goodsCodes.Take(4 + r.Next(9)).Order(StringComparer.Ordinal).ToList();
        foreach (var (code, part) in goodsCodes.Zip(Partition(r, rest, goodsCodes.Count, g)))
        {
            Add(code, part);
        }

        decimal capital = doc.Items.Sum(i => i.Capital);
        if (capital > 0)
        {
            var capCodes = r.Next(2) == 0 ? new List<string> { "31002" } : ["31002", "31007"];
            foreach (var (code, part) in capCodes.Zip(Partition(r, capital, capCodes.Count, g)))
            {
                Add(code, part);
            }
        }

        econ.Sort((a, b) => string.CompareOrdinal(a.Code, b.Code));
        doc.Econ = econ;
    }

    private static void BuildUnits(Random r, DocumentSpec doc, decimal g)
    {
        var sources = new List<(string Column, decimal Amount)>
        {
            (Ingest.Core.Columns.GeneralPublicBudget, doc.GpbIncome),
            (Ingest.Core.Columns.GovernmentFund, doc.Fund),
            (doc.NonFiscalSource, doc.NonFiscal),
            (Ingest.Core.Columns.PriorCarryover, doc.Carryover),
        };
        int count = doc.Level == "unit" ? 1 : 1 + r.Next(3);
        for (int u = 0; u < count; u++)
        {
            doc.Units.Add(new UnitInfo
            {
                Code = doc.OrgCode + (u + 1).ToString("D3", System.Globalization.CultureInfo.InvariantCulture),
                Name = u == 0 ? doc.Organization + (doc.Level == "unit" ? "" : "（本级）") : doc.Region + Pick(r, UnitSuffixes).Replace("室", "中心", StringComparison.Ordinal),
            });
        }

        foreach (var (column, amount) in sources)
        {
            var parts = amount > count * g * 10 && count > 1 ? Partition(r, amount, count, g) : [amount, .. Enumerable.Repeat(0m, count - 1)];
            for (int u = 0; u < count; u++)
            {
                doc.Units[u].Sources[column] = parts[u];
            }
        }
    }

    internal static decimal RoundDown(decimal v, decimal g) => Math.Floor(v / g) * g;

    private static decimal Money(Random r, double min, double max) => (decimal)Math.Round(min + (r.NextDouble() * (max - min)), 2);

    private static T Pick<T>(Random r, IReadOnlyList<T> list) => list[r.Next(list.Count)];

    private static void Shuffle<T>(Random r, List<T> list)
    {
        for (int i = list.Count - 1; i > 0; i--)
        {
            int j = r.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }

    /// <summary>Splits <paramref name="total"/> into <paramref name="n"/> positive multiples of <paramref name="g"/> (when possible) summing exactly to it.</summary>
    internal static List<decimal> Partition(Random r, decimal total, int n, decimal g)
    {
        if (n <= 1 || total < n * g)
        {
            return [total, .. Enumerable.Repeat(0m, Math.Max(0, n - 1))];
        }

        var weights = Enumerable.Range(0, n).Select(_ => 0.2 + r.NextDouble()).ToList();
        double sum = weights.Sum();
        var parts = new List<decimal>();
        decimal used = 0;
        for (int i = 0; i < n - 1; i++)
        {
            decimal part = Math.Max(g, RoundDown(total * (decimal)(weights[i] / sum), g));
            if (used + part > total - ((n - 1 - i) * g))
            {
                part = g;
            }

            parts.Add(part);
            used += part;
        }

        parts.Add(total - used);
        return parts;
    }
}
