using System.Text.RegularExpressions;
using Ingest.Core;
using Ingest.Core.Layout;
using Ingest.Core.Records;
using Ingest.Core.Text;

namespace Ingest.Recognition;

/// <summary>
/// Turns one extracted logical table of a known type into a canonical <see cref="TableRecord"/>:
/// header paths mapped to column ids, codes joined and repaired, line ids for uncoded rows,
/// amounts normalized to 元 with the printed text kept.
/// </summary>
internal static partial class TableNormalizer
{
    // A name ending in a Chinese character or closing bracket, then a figure with decimals and no space.
    [GeneratedRegex(@"^(?<name>.*[\u4e00-\u9fff）)])(?<num>-?(?:\d{1,3}(?:,\d{3})+|\d+)\.\d{1,2})$")]
    private static partial Regex NameThenFigure();

    [GeneratedRegex(@"^\[?(\d{3,7})\]?\s*(.*)$")]
    private static partial Regex CodeThenName();

    [GeneratedRegex(@"^\d{3}(\s*\d{1,2}){0,2}$")]
    private static partial Regex BareCode();

    public static int CountHeaderRows(TableGrid grid, int engineHeaderRows)
    {
        for (var r = 0; r < grid.RowCount; r++)
        {
            var texts = grid.RowTexts(r).Select(ChineseText.Compact).ToList();
            if (texts.Exists(t => t is "栏次" or "行次"))
            {
                continue;
            }

            var amounts = texts.Count(t => t.Length > 0 && AmountParser.LooksLikeAmount(t) && (t.Contains('.', StringComparison.Ordinal) || t == "0" || t.Length <= 3 || !BareCode().IsMatch(t)));
            var nonEmpty = texts.Where(t => t.Length > 0).ToList();
            var label = nonEmpty.FirstOrDefault() ?? "";
            if (amounts > 0)
            {
                return r;
            }

            // A 合计 row with nothing else in it (an empty table), or a row that starts with a code.
            if ((label is "合计" or "总计" && nonEmpty.Count == 1)
                || (CodeThenName().Match(label) is { Success: true } m && m.Groups[2].Value.Length > 0 && !label.All(char.IsAsciiDigit) && !IsYear(m.Groups[2].Value)))
            {
                return r;
            }

            if (r > 0 && texts.Take(3).Any(t => BareCode().IsMatch(t)))
            {
                return r;
            }
        }

        return Math.Min(engineHeaderRows, grid.RowCount);
    }

    /// <summary>Digits followed by 年 (2023年“三公”经费预算数) are a year in a header, not a code before a name.</summary>
    private static bool IsYear(string rest) => rest.StartsWith('年');

    public static List<IReadOnlyList<string>> HeaderPaths(TableGrid grid, int headerRows)
    {
        var paths = new List<IReadOnlyList<string>>(grid.ColCount);
        for (var c = 0; c < grid.ColCount; c++)
        {
            var path = new List<string>();
            TableCell? last = null;
            for (var r = 0; r < headerRows; r++)
            {
                var cell = grid[r, c];
                if (cell is null || ReferenceEquals(cell, last))
                {
                    continue;
                }

                last = cell;
                var text = ChineseText.Compact(cell.Text);
                if (text.Length > 0 && (path.Count == 0 || path[^1] != text))
                {
                    path.Add(text);
                }
            }

            // 类 | 款 | 项 printed in the first body row beside 合计 (a header row that also carries totals).
            if (headerRows < grid.RowCount && grid.IsOrigin(headerRows, c) && ChineseText.Compact(grid.Text(headerRows, c)) is "类" or "款" or "项")
            {
                path.Add(ChineseText.Compact(grid.Text(headerRows, c)));
            }

            paths.Add(path);
        }

        return paths;
    }

    public static TableRecord Normalize(LogicalTable table, string type, string unit, string? unitText, int fileIndex, CodeCatalog codes)
    {
        var grid = TableGrid.Of(table);
        var headerRows = CountHeaderRows(grid, table.HeaderRows);
        var paths = HeaderPaths(grid, headerRows);
        var family = ColumnMapper.FamilyOf(type);

        var textual = new bool[grid.ColCount];
        var codeLike = new bool[grid.ColCount];
        for (var c = 0; c < grid.ColCount; c++)
        {
            int text = 0, amount = 0, code = 0;
            for (var r = headerRows; r < grid.RowCount; r++)
            {
                if (!grid.IsOrigin(r, c))
                {
                    continue;
                }

                var t = ChineseText.Compact(grid.Text(r, c));
                if (t.Length == 0)
                {
                    continue;
                }

                if (BareCode().IsMatch(t) && !t.Contains('.', StringComparison.Ordinal))
                {
                    code++;
                }
                else if (AmountParser.LooksLikeAmount(t))
                {
                    amount++;
                }
                else
                {
                    text++;
                }
            }

            textual[c] = text > amount + code;
            codeLike[c] = code > 0 && code >= amount && code >= text;
        }

        // Side-by-side panels (决算 basic-expenditure tables print 人员经费 and 公用经费 items in two
        // column groups with the same header): map the first panel and repeat it.
        var period = family == TableFamily.TwoSided ? 0 : PanelPeriod(paths);
        List<List<MappedColumn>> panels;
        List<MappedColumn> columns;
        string[]? panelLines = null;
        if (family == TableFamily.ThreePublic && BudgetFinalSplit(paths, textual) is { } split)
        {
            // 决算 三公 tables printing 预算数 | 决算数 under each item: the item headers map as usual and
            // the two amounts become a 预算数 row and a 决算数 row, as in tables that print them as rows.
            panels = split.Select(part =>
                ColumnMapper.Map(family, part.Select(c => paths[c].SkipLast(textual[c] ? 0 : 1).ToList()).ToList<IReadOnlyList<string>>(),
                        part.Select(c => textual[c]).ToList(), part.Select(c => codeLike[c]).ToList())
                    .Select(m => m with
                    {
                        Index = part[m.Index],
                        Id = m.Role == ColumnRole.Value && m.Id == Columns.Unmapped(m.Index) ? Columns.Unmapped(part[m.Index]) : m.Id,
                    }).ToList()).ToList();
            columns = panels[0];
            panelLines = [Columns.BudgetAmount, Columns.FinalAmount];
        }
        else if (period > 0)
        {
            var first = ColumnMapper.Map(family, paths.Take(period).ToList(), textual.Take(period).ToList(), codeLike.Take(period).ToList());
            panels = Enumerable.Range(0, paths.Count / period)
                .Select(k => first.Select(m => m with { Index = m.Index + (k * period) }).ToList()).ToList();
            columns = panels[0];
        }
        else
        {
            columns = ColumnMapper.Map(family, paths, textual, codeLike);
            panels = [columns];
        }

        var multiplier = MoneyUnit.Multiplier(unit);
        var record = new TableRecord
        {
            Type = type,
            Title = table.Title is null ? null : ChineseText.Clean(table.Title),
            File = fileIndex,
            Pages = table.Pages.ToList(),
            Unit = unit,
            UnitText = unitText,
            Notes = table.Fragments.SelectMany(f => f.Notes).Select(ChineseText.Clean).ToList(),
            Columns = columns.Select(m => new ColumnInfo { Id = m.Role == ColumnRole.Value ? m.Id : m.Id, Header = [.. m.Path], Index = m.Index, Side = m.Side }).ToList(),
        };

        var contexts = panels.Select(_ => new CodeContext()).ToList();
        string? incomeSection = null;
        for (var r = headerRows; r < grid.RowCount; r++)
        {
            var cells = grid.RowTexts(r).ToList();
            if (cells.TrueForAll(t => ChineseText.Compact(t).Length == 0))
            {
                continue;
            }

            var page = r < table.RowPages.Count ? table.RowPages[r] : (table.Pages.Count > 0 ? table.Pages[0] : 0);
            if (family == TableFamily.TwoSided)
            {
                var groups = ColumnMapper.Groups(columns);
                for (var g = 0; g < groups.Count; g++)
                {
                    var group = groups[g];
                    if (g + 1 < groups.Count && LabelSpansInto(grid, r, group, groups[g + 1]))
                    {
                        // 当年支出小计 drawn across the expenditure groups (功能分类 | 支出用途): one row, read in the last group it covers.
                        continue;
                    }

                    var side = group[0].Side ?? "income";
                    var row = BuildRow(grid, r, page, group, multiplier, family, contexts[0], codes);
                    if (row is null)
                    {
                        continue;
                    }

                    row.Side = side;
                    if (ContinuesLabel(row, record.Rows.LastOrDefault(x => x.Side == side && x.Index < r)) is { } previous)
                    {
                        previous.Name += row.Name;
                        previous.Line = side == "income" ? IncomeLine(previous.Name, ref incomeSection) : ExpenditureLine(previous, codes);
                        continue;
                    }

                    row.Line = side == "income" ? IncomeLine(row.Name, ref incomeSection) : ExpenditureLine(row, codes);
                    record.Rows.Add(row);
                }

                continue;
            }

            for (var p = 0; p < panels.Count; p++)
            {
                var single = BuildRow(grid, r, page, panels[p], multiplier, family, contexts[p], codes);
                if (single is null && panelLines is not null)
                {
                    // A 决算数 printed all blank is still the 决算数 row (blank, not missing).
                    single = new RowRecord { Index = r, Page = page };
                    foreach (var m in panels[p].Where(m => m.Role == ColumnRole.Value))
                    {
                        single.Values[m.Id] = null;
                    }
                }

                if (single is null)
                {
                    continue;
                }

                if (panelLines is not null && single.Name.Length == 0)
                {
                    single.Name = panelLines[p] == Columns.BudgetAmount ? "预算数" : "决算数";
                }

                var compactName = ChineseText.Compact(single.Name);
                if (single.FuncCode is null && single.EconCode is null && single.UnitCode is null
                    && (compactName is "合计" or "总计" || compactName.EndsWith("合计", StringComparison.Ordinal) && compactName.Length <= 6))
                {
                    single.Line = Lines.Total;
                }
                else if (family == TableFamily.ThreePublic && compactName.Contains("预算", StringComparison.Ordinal))
                {
                    single.Line = Columns.BudgetAmount;
                }
                else if (family == TableFamily.ThreePublic && compactName.Contains("决算", StringComparison.Ordinal))
                {
                    single.Line = Columns.FinalAmount;
                }
                else if ((family == TableFamily.ThreePublic || (family == TableFamily.Functional && record.Rows.Count == 0))
                    && single.Name.Length == 0 && single.FuncCode is null && single.Values.Count > 0)
                {
                    single.Line = Lines.Total;
                }

                if (panelLines is not null)
                {
                    single.Line = panelLines[p];
                }
                else if (panels.Count > 1)
                {
                    single.Side = "panel" + (p + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                record.Rows.Add(single);
            }
        }

        MarkUnlabeledTotal(record, family);
        return record;
    }

    /// <summary>
    /// An unlabeled first body row (no name, no code) whose amounts are the sums of the rows below it,
    /// taken at one level (the unit rows, the rows under them, or all of them), is the table's total.
    /// </summary>
    internal static void MarkUnlabeledTotal(TableRecord record, TableFamily family)
    {
        if (family is TableFamily.TwoSided or TableFamily.ThreePublic || record.Rows.Count < 2)
        {
            return;
        }

        var first = record.Rows[0];
        var amounts = first.Values.Where(v => v.Value is not null).ToList();
        if (first.Line is not null || ChineseText.Compact(first.Name).Length > 0 || first.FuncCode is not null || first.EconCode is not null
            || first.UnitCode is not null || first.Side is not null || amounts.Count == 0)
        {
            return;
        }

        var rest = record.Rows.Skip(1).Where(r => r.Side is null).ToList();
        IEnumerable<List<RowRecord>> levels =
        [
            rest.Where(r => r.UnitCode is not null).ToList(),
            rest.Where(r => r.UnitCode is null).ToList(),
            rest,
        ];
        // Printed amounts are rounded: allow one unit of the last printed digit (0.01) per row summed.
        var cent = 0.01m * MoneyUnit.Multiplier(record.Unit);
        if (levels.Any(level => level.Count > 0
                && amounts.TrueForAll(a => Math.Abs(level.Sum(r => r.Values.GetValueOrDefault(a.Key) ?? 0m) - a.Value!.Value) <= cent * level.Count)))
        {
            first.Line = Lines.Total;
        }
    }

    /// <summary>Whether the label cell of <paramref name="group"/> in row <paramref name="r"/> is the very cell (one merged cell) of the next group's label.</summary>
    private static bool LabelSpansInto(TableGrid grid, int r, List<MappedColumn> group, List<MappedColumn> next)
    {
        var label = group.Find(m => m.Role == ColumnRole.Label);
        var nextLabel = next.Find(m => m.Role == ColumnRole.Label);
        return label is not null && nextLabel is not null && label.Side == nextLabel.Side
            && grid[r, label.Index] is { } cell && ReferenceEquals(cell, grid[r, nextLabel.Index]);
    }

    /// <summary>
    /// A label wrapped onto a row of its own ("八、社会保障和就" / "业支出"): no code, no numbering,
    /// no figures. Returns the row it continues, or null.
    /// </summary>
    private static RowRecord? ContinuesLabel(RowRecord row, RowRecord? previous)
    {
        if (previous is null || row.Name.Length == 0 || row.Name.Length > 12 || row.FuncCode is not null || row.EconCode is not null
            || row.Values.Values.Any(v => v is not null) || row.Index != previous.Index + 1)
        {
            return null;
        }

        var t = ChineseText.Compact(row.Name);
        var numbered = t.Length > 1 && ("一二三四五六七八九十(（0123456789".Contains(t[0], StringComparison.Ordinal) || t.StartsWith("其中", StringComparison.Ordinal));
        var totalLike = t.Contains("合计", StringComparison.Ordinal) || t.Contains("总计", StringComparison.Ordinal) || t.Contains("结转", StringComparison.Ordinal) || t.Contains("结余", StringComparison.Ordinal);
        var previousOpen = !ChineseText.Compact(previous.Name).EndsWith("支出", StringComparison.Ordinal) && !ChineseText.Compact(previous.Name).EndsWith("收入", StringComparison.Ordinal);
        return numbered || totalLike || !previousOpen ? null : previous;
    }

    /// <summary>
    /// For a header whose amount columns each end in 预算数 or 决算数 (as many of each, at least two),
    /// the column indexes of the 预算数 view and of the 决算数 view; text columns belong to both. Else null.
    /// </summary>
    internal static List<List<int>>? BudgetFinalSplit(IReadOnlyList<IReadOnlyList<string>> paths, IReadOnlyList<bool> textual)
    {
        List<int> budget = [], final = [], shared = [];
        for (var c = 0; c < paths.Count; c++)
        {
            var leaf = paths[c].Count > 1 ? ChineseText.Compact(paths[c][^1]) : "";
            if (leaf is "预算数" or "预算")
            {
                budget.Add(c);
            }
            else if (leaf is "决算数" or "决算")
            {
                final.Add(c);
            }
            else if (textual[c] || paths[c].Count == 0)
            {
                shared.Add(c);
            }
            else
            {
                return null;
            }
        }

        if (budget.Count < 2 || budget.Count != final.Count)
        {
            return null;
        }

        return [[.. shared.Concat(budget).Order()], [.. shared.Concat(final).Order()]];
    }

    /// <summary>The smallest period with which the header paths repeat across the whole table, or 0.</summary>
    internal static int PanelPeriod(IReadOnlyList<IReadOnlyList<string>> paths)
    {
        for (var p = 2; p * 2 <= paths.Count; p++)
        {
            if (paths.Count % p != 0)
            {
                continue;
            }

            var repeats = true;
            for (var i = 0; i + p < paths.Count && repeats; i++)
            {
                repeats = string.Join("/", paths[i]) == string.Join("/", paths[i + p]);
            }

            if (repeats && Enumerable.Range(0, p).Any(i => paths[i].Count > 0))
            {
                return p;
            }
        }

        return 0;
    }

    private sealed class CodeContext
    {
        public string? Lei;
        public string? Kuan;
        public string? EconLei;
        public string? GovLei;
    }

    private static RowRecord? BuildRow(TableGrid grid, int r, int page, List<MappedColumn> columns, decimal multiplier, TableFamily family, CodeContext ctx, CodeCatalog codes)
    {
        var row = new RowRecord { Index = r, Page = page };
        string? lei = null, kuan = null, xiang = null, econLei = null, econKuan = null, govLei = null, govKuan = null;
        string? label = null; // 合计 printed in a code column
        string? firstText = null; // the first free-text cell after the name (项目单位)
        string? overflow = null; // a figure glued to the end of a long name that ran into the amount column
        var any = false;
        foreach (var m in columns)
        {
            var raw = grid.IsOrigin(r, m.Index) || m.Role != ColumnRole.Value ? grid.Text(r, m.Index) : "";
            var text = ChineseText.Clean(raw);
            var tookOverflow = false;
            if (m.Role == ColumnRole.Value && overflow is not null)
            {
                // The first amount column after the name takes the figure only when it is empty itself (or covered
                // by the name cell that ran into it).
                tookOverflow = text.Length == 0;
                if (tookOverflow)
                {
                    text = overflow;
                }
                else
                {
                    row.Name += overflow;
                }

                overflow = null;
            }

            switch (m.Role)
            {
                case ColumnRole.Value:
                    if (!grid.IsOrigin(r, m.Index) && !tookOverflow)
                    {
                        continue;
                    }

                    if (AmountParser.TryParse(text, out var amount))
                    {
                        row.Values[m.Id] = amount.Value is null ? null : amount.Value.Value * multiplier;
                        row.Printed[m.Id] = text;
                        any |= amount.Value is not null;
                    }
                    else if (text.Length > 0)
                    {
                        // Text in an amount column (e.g. 本部门无…): keep printed, no value.
                        row.Printed[m.Id] = text;
                    }

                    break;
                case ColumnRole.Name or ColumnRole.Label:
                    if (row.Name.Length == 0)
                    {
                        row.Name = text;
                        if (NameThenFigure().Match(text) is { Success: true } glued)
                        {
                            // 机关事业单位基本养老保险缴费支出59.10: a long name printed up to the figure of the next column.
                            row.Name = glued.Groups["name"].Value;
                            overflow = glued.Groups["num"].Value;
                        }
                    }

                    break;
                case ColumnRole.FuncCode:
                    row.FuncCode ??= Digits(text);
                    label ??= Digits(text) is null && text.Length > 0 ? text : null;
                    break;
                case ColumnRole.FuncLei: lei = Digits(text); break;
                case ColumnRole.FuncKuan: kuan = Digits(text); break;
                case ColumnRole.FuncXiang: xiang = Digits(text); break;
                case ColumnRole.EconCode:
                    row.EconCode ??= EconCode(text);
                    label ??= EconCode(text) is null && text.Length > 0 && !text.Any(char.IsAsciiDigit) ? text : null;
                    break;
                case ColumnRole.EconLei: econLei = Digits(text); break;
                case ColumnRole.EconKuan: econKuan = Digits(text); break;
                case ColumnRole.GovEconCode: row.GovEconCode ??= EconCode(text); break;
                case ColumnRole.GovEconLei: govLei = Digits(text); break;
                case ColumnRole.GovEconKuan: govKuan = Digits(text); break;
                case ColumnRole.UnitCode: row.UnitCode = text.Length > 0 ? text : null; break;
                case ColumnRole.Category:
                    if (text.Length > 0)
                    {
                        row.Printed[m.Id] = text;
                    }

                    break;
                case ColumnRole.Text:
                    firstText ??= text.Length > 0 ? text : null;
                    break;
                default: break;
            }
        }

        if (overflow is not null)
        {
            row.Name += overflow;
        }

        // Split functional codes: 类 | 款 | 项, where 类/款 may be left blank under their parent row.
        if (lei is not null || kuan is not null || xiang is not null)
        {
            if (lei is { Length: 3 })
            {
                ctx.Lei = lei;
                ctx.Kuan = null;
            }

            if (kuan is not null)
            {
                kuan = kuan.Length == 1 ? "0" + kuan : kuan;
                if (lei is null && kuan.Length == 2)
                {
                    lei = ctx.Lei;
                }

                ctx.Kuan = kuan.Length == 2 ? kuan : ctx.Kuan;
            }

            if (xiang is not null)
            {
                xiang = xiang.Length == 1 ? "0" + xiang : xiang;
                if (kuan is null)
                {
                    kuan = ctx.Kuan;
                    lei ??= ctx.Lei;
                }
                else
                {
                    lei ??= ctx.Lei;
                }
            }

            var joined = (lei ?? "") + (kuan ?? "") + (xiang ?? "");
            row.FuncCode = joined.Length is 3 or 5 or 7 ? joined : row.FuncCode;
        }

        if (econLei is not null || econKuan is not null)
        {
            if (econLei is { Length: 3 })
            {
                ctx.EconLei = econLei;
            }

            var k = econKuan is { Length: 1 } ? "0" + econKuan : econKuan;
            var l = econLei ?? (k is not null ? ctx.EconLei : null);
            var code = (l ?? "") + (k ?? "");
            row.EconCode = code.Length is 3 or 5 ? code : row.EconCode;
        }

        if (govLei is not null || govKuan is not null)
        {
            if (govLei is { Length: 3 })
            {
                ctx.GovLei = govLei;
            }

            var k = govKuan is { Length: 1 } ? "0" + govKuan : govKuan;
            var code = (govLei ?? (k is not null ? ctx.GovLei : "")) + (k ?? "");
            row.GovEconCode = code.Length is 3 or 5 ? code : row.GovEconCode;
        }

        // A code printed inside the name cell ("2010101 行政运行", "[201]一般公共服务支出").
        if (row.FuncCode is null && row.EconCode is null && family is TableFamily.Functional or TableFamily.Economic or TableFamily.Revenue)
        {
            var match = CodeThenName().Match(ChineseText.Compact(row.Name));
            if (match.Success && match.Groups[2].Value.Length > 0 && match.Groups[1].Value.Length is 3 or 5 or 7)
            {
                if (family == TableFamily.Economic)
                {
                    row.EconCode = match.Groups[1].Value;
                }
                else if (family == TableFamily.Functional || codes.Functional(match.Groups[1].Value) is not null)
                {
                    row.FuncCode = match.Groups[1].Value;
                }

                if (row.FuncCode is not null || row.EconCode is not null)
                {
                    row.Name = ChineseText.Clean(match.Groups[2].Value);
                }
            }
        }

        // In economic tables a 3/5-digit code column can sit in a functional role and vice versa.
        if (family == TableFamily.Economic && row.FuncCode is { } f && row.EconCode is null && (f.StartsWith('3') || f.StartsWith('5')))
        {
            row.EconCode = f;
            row.FuncCode = null;
        }

        if (row.Name.Length == 0 && label is not null)
        {
            row.Name = label;
        }
        else if (label is not null && ChineseText.Compact(label + row.Name) is "合计" or "总计" or "小计" && label.Length == 1)
        {
            // "合   计" spread over the code and the name column.
            row.Name = ChineseText.Compact(label + row.Name);
        }

        // In an economic table a code that is no economic code (024) is the unit's code.
        if (family == TableFamily.Economic && row.EconCode is { } ec && !(ec.StartsWith('3') || ec.StartsWith('5')))
        {
            row.UnitCode ??= ec;
            row.EconCode = null;
        }

        // A row of a project (or other itemised) table whose name cell holds only a code that is no
        // functional code (024) is a unit's row: the code is the unit's, the name is the unit printed beside it.
        if (family == TableFamily.Other && row.FuncCode is null && row.EconCode is null && row.UnitCode is null
            && ChineseText.Compact(row.Name) is { Length: >= 3 and <= 9 } bare && bare.All(char.IsAsciiDigit)
            && codes.Functional(bare) is null && !(bare[0] == '2' && bare.Length is 3 or 5 or 7))
        {
            row.UnitCode = bare;
            row.Name = firstText ?? "";
        }

        // A code of impossible length is a misread, not a code.
        if (row.FuncCode is { Length: not (3 or 5 or 7) })
        {
            row.FuncCode = null;
        }

        if (!any && row.Name.Length == 0 && row.FuncCode is null && row.EconCode is null)
        {
            return null;
        }

        if (!any && row.Printed.Count == 0 && row.Name.Length == 0)
        {
            return null;
        }

        return row;
    }

    private static string? Digits(string text)
    {
        var t = ChineseText.Compact(text);
        return t.Length > 0 && t.All(char.IsAsciiDigit) ? t : null;
    }

    /// <summary>Economic codes, repairing a lost leading zero of the 款 part ("301 2" → 30102).</summary>
    internal static string? EconCode(string text)
    {
        var folded = ChineseText.Fold(text).Trim();
        var parts = folded.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 2 && parts[0].Length == 3 && parts[1].Length is 1 or 2 && parts.All(p => p.All(char.IsAsciiDigit)))
        {
            return parts[0] + parts[1].PadLeft(2, '0');
        }

        var digits = ChineseText.Compact(folded);
        return digits.Length is 3 or 5 && digits.All(char.IsAsciiDigit) ? digits : null;
    }

    internal static string? IncomeLine(string name, ref string? section)
    {
        var full = ChineseText.Compact(name);
        if (full.Length == 0)
        {
            return null;
        }

        var topLevel = full.Length > 1 && "一二三四五六七八九十".Contains(full[0], StringComparison.Ordinal) && full.Contains('、', StringComparison.Ordinal);
        var t = CodeCatalog.StripOrdinal(full);
        if (t.StartsWith("其中:", StringComparison.Ordinal) || t.StartsWith("其中：", StringComparison.Ordinal))
        {
            t = t[3..];
        }

        string? line = t switch
        {
            _ when t.Contains("收入总计", StringComparison.Ordinal) || t == "总计" => Lines.IncomeTotal,
            _ when t.Contains("本年收入", StringComparison.Ordinal) || t.StartsWith("当年收入", StringComparison.Ordinal) => Lines.IncomeCurrentYear,
            _ when t == "收入合计" || t == "合计" => "income.total",
            _ when t.Contains("上年结转", StringComparison.Ordinal) || t.Contains("上年结余", StringComparison.Ordinal)
                || (t.Contains("年初", StringComparison.Ordinal) && (t.Contains("结转", StringComparison.Ordinal) || t.Contains("结余", StringComparison.Ordinal))) => Lines.IncomePriorCarryover,
            _ when t.Contains("用事业基金弥补", StringComparison.Ordinal) => "income.fund_offset",
            _ when t.Contains("使用非财政拨款结余", StringComparison.Ordinal) => "income.non_fiscal_balance_used",
            // A fund named with 财政拨款 (政府性基金预算财政拨款收入) is that fund; 财政补助收入 is the older name of 财政拨款收入.
            _ when t.Contains("政府性基金", StringComparison.Ordinal) => "income.government_fund",
            _ when t.Contains("国有资本经营", StringComparison.Ordinal) => "income.state_capital",
            _ when (t.Contains("财政拨款", StringComparison.Ordinal) || t.Contains("财政补助", StringComparison.Ordinal)) && !t.Contains("一般公共预算", StringComparison.Ordinal) => "income.fiscal_grant",
            _ when t.Contains("一般公共预算", StringComparison.Ordinal) => "income.general_public_budget",
            _ when t.Contains("财政专户", StringComparison.Ordinal) => "income.special_account",
            _ when t.Contains("事业单位经营", StringComparison.Ordinal) || t.Contains("经营收入", StringComparison.Ordinal) => "income.operating_income",
            _ when t.Contains("事业收入", StringComparison.Ordinal) => "income.business_income",
            _ when t.Contains("上级补助", StringComparison.Ordinal) => "income.superior_subsidy",
            _ when t.Contains("附属单位", StringComparison.Ordinal) => "income.affiliate_remittance",
            _ when t.Contains("其他收入", StringComparison.Ordinal) || t.Contains("其他资金", StringComparison.Ordinal) => "income.other_income",
            _ when t.Contains("单位资金", StringComparison.Ordinal) => "income.unit_funds",
            _ => null,
        };

        if (topLevel)
        {
            section = line == Lines.IncomePriorCarryover ? "carryover" : line == Lines.IncomeCurrentYear ? "current" : section;
        }

        if (line is null)
        {
            return null;
        }

        if (!topLevel && section == "carryover" && line.StartsWith("income.", StringComparison.Ordinal) && line is not (Lines.IncomeTotal or "income.total" or Lines.IncomeCurrentYear or Lines.IncomePriorCarryover))
        {
            return Lines.IncomePriorCarryover + "." + line["income.".Length..];
        }

        return line;
    }

    internal static string? ExpenditureLine(RowRecord row, CodeCatalog codes)
    {
        var t = CodeCatalog.StripOrdinal(ChineseText.Compact(row.Name));
        if (t.Length == 0)
        {
            return null;
        }

        if (t.Contains("支出总计", StringComparison.Ordinal) || t == "总计") return Lines.ExpenditureTotal;
        if (t.Contains("本年支出", StringComparison.Ordinal) || t.StartsWith("当年支出", StringComparison.Ordinal)) return Lines.ExpenditureCurrentYear;
        if (t is "支出合计" or "合计") return "expenditure.total";
        if (t.Contains("结余分配", StringComparison.Ordinal)) return "expenditure.balance_distribution";
        if (t.Contains("结转", StringComparison.Ordinal) || t.Contains("结余", StringComparison.Ordinal)) return Lines.ExpenditureCarryForward;
        if (t.StartsWith("基本支出", StringComparison.Ordinal)) return "expenditure.basic";
        if (t.StartsWith("项目支出", StringComparison.Ordinal)) return "expenditure.project";
        if (t.Contains("人员经费", StringComparison.Ordinal) || t.Contains("人员支出", StringComparison.Ordinal)) return "expenditure.personnel";
        if (t.Contains("公用经费", StringComparison.Ordinal) || t.Contains("公用支出", StringComparison.Ordinal)) return "expenditure.public_operating";
        if (t.Contains("上缴上级", StringComparison.Ordinal)) return "expenditure.payment_to_superior";
        if (t.Contains("经营支出", StringComparison.Ordinal)) return "expenditure.operating_expenditure";
        if (t.Contains("对附属单位", StringComparison.Ordinal)) return "expenditure.subsidy_to_affiliates";
        var code = row.FuncCode is { Length: 3 } c ? c : codes.FunctionalLeiByName(t);
        if (code is not null)
        {
            row.FuncCode = code;
            return "expenditure." + code;
        }

        return null;
    }
}
