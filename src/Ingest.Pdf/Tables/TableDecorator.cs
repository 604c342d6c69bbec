using System.Text.RegularExpressions;
using Ingest.Core.Layout;

namespace Ingest.Pdf.Tables;

/// <summary>A line outside every table, with the font size it was printed in.</summary>
internal sealed record PageLine(string Text, Box Box, double Size);

/// <summary>Turns raw tables into fragments: title, unit, captions and notes around them, header rows.</summary>
internal static partial class TableDecorator
{
    [GeneratedRegex(@"(?:金额)?单位\s*[:：]\s*(?:人民币)?\s*(?:亿元|万元|千元|元)")]
    private static partial Regex UnitPattern();

    [GeneratedRegex(@"^(?:部门|单位|编制单位|预算单位|部门名称|单位名称|编报单位|填报单位|预算部门)\s*[:：]")]
    private static partial Regex CaptionPattern();

    [GeneratedRegex(@"^(?:(?:部门预算|公开|附)?\s*[0-9０-９一二三四五六七八九十]+\s*[-－]?\s*[0-9０-９]*\s*表|表\s*[0-9０-９一二三四五六七八九十\-－]+|续表\s*[0-9０-９一二三四五六七八九十]*|\(?续\)?)$")]
    private static partial Regex TableNumberPattern();

    [GeneratedRegex(@"^[(（]?\s*(?:注|备注|说明|附注|本部门|本单位|无|\*|※)")]
    private static partial Regex NotePattern();

    /// <summary>A line that starts a note under a table (注：, 备注, 本部门无…).</summary>
    internal static bool IsNoteText(string text) => NotePattern().IsMatch(text);

    [GeneratedRegex(@"^[-−]?(?:\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?|\d+\.\d+|\d{3,}|0)%?$")]
    private static partial Regex AmountPattern();

    [GeneratedRegex(@"^\d{3}(?:\s*\d{2}){0,3}$")]
    private static partial Regex CodePattern();

    public static bool IsCaption(string text) => CaptionPattern().IsMatch(text.Trim());

    public static bool IsTableNumber(string text) => TableNumberPattern().IsMatch(text.Trim());

    public static string? FindUnit(string text)
    {
        var m = UnitPattern().Match(text);
        return m.Success ? m.Value : null;
    }

    public static List<TableFragment> Decorate(int pageNumber, List<RawTable> tables, IReadOnlyList<PageLine> outside)
    {
        var result = new List<TableFragment>(tables.Count);
        var sizes = outside.Select(l => l.Size).OrderBy(s => s).ToList();
        var medianSize = sizes.Count > 0 ? sizes[sizes.Count / 2] : 10;
        for (var ti = 0; ti < tables.Count; ti++)
        {
            var t = tables[ti];
            var prevBottom = ti > 0 ? tables[ti - 1].Bounds.Bottom : 0;
            var nextTop = ti + 1 < tables.Count ? tables[ti + 1].Bounds.Top : double.MaxValue;

            var above = outside
                .Where(l => l.Box.CenterY < t.Bounds.Top + 2 && l.Box.Top >= prevBottom - 1 && l.Box.Bottom > t.Bounds.Top - 140
                    && l.Box.Right > t.Bounds.Left - 40 && l.Box.Left < t.Bounds.Right + 40)
                .OrderBy(l => l.Box.Top).ThenBy(l => l.Box.Left).ToList();
            string? unit = null;
            string? title = null;
            var captions = new List<string>();
            var titleCandidates = new List<PageLine>();
            foreach (var line in above)
            {
                var text = line.Text.Trim();
                var u = FindUnit(text);
                if (u is not null)
                {
                    unit ??= u;
                    var rest = text.Replace(u, "", StringComparison.Ordinal).Trim();
                    if (rest.Length > 0)
                    {
                        captions.Add(rest);
                    }

                    continue;
                }

                if (CaptionPattern().IsMatch(text) || TableNumberPattern().IsMatch(text))
                {
                    captions.Add(text);
                    continue;
                }

                titleCandidates.Add(line);
            }

            // The title: a short line, larger than the text around it, or centred over the table, or naming a table (表).
            PageLine? best = null;
            foreach (var line in titleCandidates)
            {
                var text = line.Text.Trim();
                if (text.Length == 0 || text.Length > 60)
                {
                    continue;
                }

                var centred = Math.Abs(line.Box.CenterX - t.Bounds.CenterX) < t.Bounds.Width * 0.15;
                var large = line.Size > medianSize * 1.1;
                var named = text.Contains('表', StringComparison.Ordinal) || text.Contains("预算", StringComparison.Ordinal)
                    || text.Contains("决算", StringComparison.Ordinal) || text.StartsWith("Table", StringComparison.OrdinalIgnoreCase);
                if (!(centred || large || named))
                {
                    continue;
                }

                if (best is null || line.Size > best.Size + 0.5 || (Math.Abs(line.Size - best.Size) <= 0.5 && named))
                {
                    best = line;
                }
            }

            if (best is not null)
            {
                title = best.Text.Trim();

                // A title wrapped over two lines ("公开09表：一般公共预算“三公”经费、会议费、培训费" / "支出预算表"):
                // the line right above, in the same size and overlapping it, is the title's first half.
                var first = above.LastOrDefault(l => l.Box.Bottom <= best.Box.Top + 1 && best.Box.Top - l.Box.Bottom < best.Box.Height * 1.2
                    && Math.Abs(l.Size - best.Size) <= 0.5 && l.Box.Right > best.Box.Left && l.Box.Left < best.Box.Right
                    && FindUnit(l.Text) is null && !CaptionPattern().IsMatch(l.Text.Trim()));
                if (first is not null && !first.Text.Trim().EndsWith('表'))
                {
                    title = first.Text.Trim() + title;
                    captions.Remove(first.Text.Trim());
                    titleCandidates.Remove(first);
                }

                foreach (var line in titleCandidates)
                {
                    if (line.Box.Top > best.Box.Bottom - 1 && !ReferenceEquals(line, best))
                    {
                        captions.Add(line.Text.Trim());
                    }
                }
            }

            // Notes: lines directly under the table that start like a note, and the lines that continue them.
            var notes = new List<string>();
            var below = outside.Where(l => l.Box.Top >= t.Bounds.Bottom - 2 && l.Box.Bottom <= nextTop + 1
                    && l.Box.Right > t.Bounds.Left - 40 && l.Box.Left < t.Bounds.Right + 40)
                .OrderBy(l => l.Box.Top).ThenBy(l => l.Box.Left).ToList();
            var lastBottom = t.Bounds.Bottom;
            foreach (var line in below)
            {
                var gap = line.Box.Top - lastBottom;
                var text = line.Text.Trim();
                if (notes.Count == 0)
                {
                    if (gap > 3 * line.Box.Height || !NotePattern().IsMatch(text))
                    {
                        break;
                    }
                }
                else if (gap > 1.2 * line.Box.Height && !NotePattern().IsMatch(text))
                {
                    break;
                }

                notes.Add(text);
                lastBottom = line.Box.Bottom;
            }

            // Forms (绩效目标表) print their title inside the grid: a first full-width row naming a 表, without figures.
            var cells = t.Cells.Select(c => new TableCell(c.Row, c.Col, c.RowSpan, c.ColSpan, c.Text, c.Box) { TextBox = c.TextBox }).ToList();
            var rowCount = t.RowCount;
            var rowTops = t.RowLines.Take(t.RowCount).ToList();
            var bounds = t.Bounds;
            if (GridTitle(cells, t.ColCount, rowCount) is { } inner)
            {
                if (title is not null)
                {
                    captions.Insert(0, title);
                }

                title = inner.Text.Trim();
                cells = cells.Where(c => c.Row > 0).Select(c => c with { Row = c.Row - 1 }).ToList();
                rowCount--;
                rowTops.RemoveAt(0);
                bounds = bounds with { Top = rowTops[0] };
            }

            result.Add(new TableFragment
            {
                Page = pageNumber,
                Bounds = bounds,
                RowCount = rowCount,
                ColCount = t.ColCount,
                Cells = cells,
                Method = t.Method,
                Title = title,
                UnitText = unit,
                Captions = captions,
                Notes = notes,
                HeaderRows = CountHeaderRows(cells, rowCount),
                RowTops = rowTops,
                ColLefts = t.ColLines.Take(t.ColCount).ToList(),
            });
        }

        return result;
    }

    /// <summary>The first row's only cell when it spans (nearly) the whole width, names a 表 and holds no figure.</summary>
    private static TableCell? GridTitle(List<TableCell> cells, int colCount, int rowCount)
    {
        if (rowCount < 3 || colCount < 2)
        {
            return null;
        }

        var first = cells.Where(c => c.Row == 0 && c.Text.Trim().Length > 0).ToList();
        if (first.Count != 1 || cells.Any(c => c.Row == 0 && c.RowSpan > 1))
        {
            return null;
        }

        var cell = first[0];
        var text = cell.Text.Trim();
        return cell.ColSpan * 10 >= colCount * 8 && text.Length is >= 4 and <= 60 && text.Contains('表', StringComparison.Ordinal)
            && !text.Any(ch => ch is '.' or ',' or '%')
            ? cell
            : null;
    }

    /// <summary>An amount or a classification code: text that never appears in a header.</summary>
    public static bool IsDataText(string text)
    {
        var s = text.Trim();
        return s.Length > 0 && (AmountPattern().IsMatch(s) || CodePattern().IsMatch(s));
    }

    /// <summary>A total row label (合计, 总计) in the first column starts the body even without amounts (empty tables).</summary>
    /// A total label alone on its row (an empty template table's 合计 under its name column) counts too.
    private static bool IsTotalLabel(TableCell c, IReadOnlyList<TableCell> cells) =>
        c.Row > 0 && c.Text.Length <= 8 && (c.Text.Contains("合计", StringComparison.Ordinal) || c.Text.Contains("总计", StringComparison.Ordinal))
        && (c.Col == 0 || (c.RowSpan == 1 && c.ColSpan == 1 && cells.All(o => o == c || o.Text.Length == 0 || o.Row + o.RowSpan <= c.Row || o.Row > c.Row)));

    /// <summary>Rows at the top before the first row holding an amount, a code or a total, not cutting a merged cell.</summary>
    public static int CountHeaderRows(IReadOnlyList<TableCell> cells, int rowCount)
    {
        var firstData = rowCount;
        foreach (var c in cells)
        {
            if (c.Row < firstData && (IsDataText(c.Text) || IsTotalLabel(c, cells)))
            {
                firstData = c.Row;
            }
        }

        // An empty row (template tables printed without figures) also ends the header.
        var grid = new TableGrid(rowCount, cells.Count == 0 ? 0 : cells.Max(c => c.Col + c.ColSpan), cells);
        for (var r = 1; r < firstData; r++)
        {
            if (grid.RowTexts(r).All(t => t.Length == 0))
            {
                firstData = r;
                break;
            }
        }

        if (firstData == rowCount)
        {
            return rowCount > 1 ? 1 : 0;
        }

        var header = firstData;
        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var c in cells)
            {
                if (c.Row < header && c.Row + c.RowSpan > header && c.Row + c.RowSpan < rowCount)
                {
                    header = c.Row + c.RowSpan;
                    changed = true;
                }
            }
        }

        return Math.Min(header, Math.Max(0, rowCount - 1));
    }
}
