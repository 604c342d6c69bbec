using System.Globalization;
using Ingest.Synthetic.Model;
using Ingest.Synthetic.Pdf;

namespace Ingest.Synthetic.Render;

internal sealed class RenderedFile
{
    public string Name { get; set; } = "";
    /// <summary>narrative, tables or full.</summary>
    public string Role { get; set; } = "full";
    public byte[] Bytes { get; set; } = [];
    public int Pages { get; set; }
}

/// <summary>Lays out narrative paragraphs and tables on pages and writes the PDF file(s).
/// Records on the model where everything landed (pages of tables, rows, facts).</summary>
internal sealed class Layout(TrueTypeFont font)
{
    private const double Margin = 36;
    private readonly TrueTypeFont _font = font;

    public List<RenderedFile> Render(DocumentSpec doc, List<Paragraph> paragraphs, List<PrintedTable> tables)
    {
        var files = new List<RenderedFile>();
        if (doc.Style.SplitFiles)
        {
            var text = new PdfWriter(_font);
            Cover(text, doc, "");
            Narrative(text, doc, paragraphs);
            files.Add(new RenderedFile { Name = doc.Name + "_text.pdf", Role = "narrative", Bytes = text.ToBytes(), Pages = text.PageCount });
            var tab = new PdfWriter(_font);
            Tables(tab, doc, tables, fileIndex: 1);
            files.Add(new RenderedFile { Name = doc.Name + "_tables.pdf", Role = "tables", Bytes = tab.ToBytes(), Pages = tab.PageCount });
        }
        else
        {
            var w = new PdfWriter(_font);
            Cover(w, doc, "");
            Narrative(w, doc, paragraphs);
            Tables(w, doc, tables, fileIndex: 0);
            files.Add(new RenderedFile { Name = doc.Name + ".pdf", Role = "full", Bytes = w.ToBytes(), Pages = w.PageCount });
        }

        return files;
    }

    private static void Cover(PdfWriter w, DocumentSpec doc, string suffix)
    {
        var page = w.AddPage(595, 842, false);
        string title = doc.Year.ToString(CultureInfo.InvariantCulture) + "年" + (doc.Level == "unit" ? "单位" : "部门") + (doc.IsFinal ? "决算" : "预算") + suffix;
        Centered(page, doc.Organization, 300, 22);
        Centered(page, title, 340, 22);
        string date = (doc.IsFinal ? doc.Year + 1 : doc.Year).ToString(CultureInfo.InvariantCulture) + "年" + (doc.IsFinal ? "8" : "2") + "月";
        Centered(page, date, 620, 14);
    }

    private static void Centered(PdfCanvas page, string text, double baseline, double size)
    {
        double width = page.TextWidth(text, size);
        if (width > page.Width - (2 * Margin))
        {
            size *= (page.Width - (2 * Margin)) / width;
            width = page.TextWidth(text, size);
        }

        page.Text(text, (page.Width - width) / 2, baseline, size);
    }

    private static void Narrative(PdfWriter w, DocumentSpec doc, List<Paragraph> paragraphs)
    {
        double size = doc.Style.LargeFont ? 12 : 11;
        double lineHeight = size * 1.8;
        const double left = 64;
        const double top = 72;
        const double bottom = 842 - 72;
        double width = 595 - (2 * left);
        PdfCanvas page = w.AddPage(595, 842, false);
        double y = top;
        bool first = true;
        foreach (var p in paragraphs)
        {
            // Headings of a new part start a page (except the very first one).
            if (p.Heading && !first && p.Text.StartsWith("第", StringComparison.Ordinal))
            {
                page = w.AddPage(595, 842, false);
                y = top;
            }

            first = false;
            double fs = p.Heading ? size + 4 : size;
            double indent = p.Heading ? 0 : 2 * size;
            var lines = Wrap(w, p.Text, width, fs, indent);
            p.FactPages.Clear();
            var lineStarts = new List<(int Offset, int Page)>();
            int offset = 0;
            foreach (var (line, i) in lines.Select((l, i) => (l, i)))
            {
                if (y + lineHeight > bottom)
                {
                    page = w.AddPage(595, 842, false);
                    y = top;
                }

                y += lineHeight;
                if (p.Heading)
                {
                    double lw = page.TextWidth(line, fs);
                    page.Text(line, (595 - lw) / 2, y, fs);
                }
                else
                {
                    page.Text(line, left + (i == 0 ? indent : 0), y, fs);
                }

                lineStarts.Add((offset, w.PageCount));
                offset += line.Length;
            }

            p.Page = lineStarts.Count > 0 ? lineStarts[0].Page : w.PageCount;
            int cursor = 0;
            foreach (var fact in p.Facts)
            {
                int at = p.Text.IndexOf(fact.Quote, cursor, StringComparison.Ordinal);
                cursor = Math.Max(cursor, at);
                p.FactPages.Add(lineStarts.Last(ls => ls.Offset <= Math.Max(0, at)).Page);
            }

            y += p.Heading ? lineHeight * 0.6 : lineHeight * 0.2;
        }
    }

    /// <summary>Greedy character wrap (Chinese text breaks anywhere; digits kept with their run when possible).</summary>
    private static List<string> Wrap(PdfWriter page, string text, double width, double size, double firstIndent = 0)
    {
        var lines = new List<string>();
        int start = 0;
        double limit = width - firstIndent;
        while (start < text.Length)
        {
            int end = start;
            double w = 0;
            while (end < text.Length)
            {
                double cw = page.TextWidth(text[end].ToString(), size);
                if (w + cw > limit && end > start)
                {
                    break;
                }

                w += cw;
                end++;
            }

            // Do not split a number across lines if the run can move to the next line whole.
            if (end < text.Length && IsNumberChar(text[end]) && end > start && IsNumberChar(text[end - 1]))
            {
                int back = end;
                while (back > start && IsNumberChar(text[back - 1]))
                {
                    back--;
                }

                if (back > start)
                {
                    end = back;
                }
            }

            lines.Add(text[start..end]);
            start = end;
            limit = width;
        }

        if (lines.Count == 0)
        {
            lines.Add("");
        }

        return lines;
    }

    private static bool IsNumberChar(char c) => char.IsAsciiDigit(c) || c is '.' or ',' or '%' or '-';

    // ---------------------------------------------------------------- tables

    private sealed class Cursor
    {
        public PdfCanvas? Page { get; set; }
        public double Y { get; set; }
    }

    private static void Tables(PdfWriter w, DocumentSpec doc, List<PrintedTable> tables, int fileIndex)
    {
        var s = doc.Style;
        var cur = new Cursor();
        const double pageW = 842;
        const double pageH = 595;
        double bottom = pageH - Margin;
        PdfCanvas NewPage()
        {
            cur.Page = w.AddPage(pageW, pageH, s.Rotated);
            cur.Y = Margin;
            return cur.Page;
        }

        foreach (var t in tables)
        {
            t.File = fileIndex;
            t.Pages.Clear();
            double tableW = pageW - (2 * Margin);
            double sum = t.Widths.Sum();
            var colW = t.Widths.Select(x => x / sum * tableW).ToList();
            var colX = new List<double> { Margin };
            foreach (double cw in colW)
            {
                colX.Add(colX[^1] + cw);
            }

            var probe = w;
            double fs = t.BodyFontSize > 0 ? t.BodyFontSize : s.LargeFont ? 10 : 9;
            // Shrink the body font until every amount fits its column.
            foreach (var row in t.Rows)
            {
                foreach (var c in t.Columns)
                {
                    string text = row.Cells[c.Index];
                    while (fs > 6 && probe.TextWidth(text, fs) > colW[c.Index] - 6)
                    {
                        fs -= 0.5;
                    }
                }
            }

            double lh = fs * 1.35;
            var headerHeights = HeaderHeights(probe, t, colW, fs, lh);
            double titleBlock = (t.Number is null ? 0 : 16) + 30 + 18;
            double firstRows = t.Rows.Take(3).Sum(r => RowHeight(probe, t, r, colW, fs, lh));
            if (cur.Page is null || !s.PackTables || cur.Y + titleBlock + headerHeights.Sum() + firstRows > bottom)
            {
                NewPage();
            }
            else
            {
                cur.Y += 24;
            }

            var page = cur.Page!;
            t.Pages.Add(w.PageCount);
            if (t.Number is not null)
            {
                page.Text(t.Number, Margin, cur.Y + 10, 10);
                cur.Y += 16;
            }

            double titleSize = s.LargeFont ? 17 : 15;
            double tw = page.TextWidth(t.Title, titleSize);
            if (tw > tableW)
            {
                titleSize *= tableW / tw;
                tw = page.TextWidth(t.Title, titleSize);
            }

            page.Text(t.Title, (pageW - tw) / 2, cur.Y + titleSize + 4, titleSize);
            cur.Y += 30;
            if (t.Subtitle is not null)
            {
                page.Text(t.Subtitle, Margin, cur.Y + 10, 10);
            }

            if (!t.NoUnitLine)
            {
                page.Text(t.UnitText, pageW - Margin - page.TextWidth(t.UnitText, 10), cur.Y + 10, 10);
            }
            cur.Y += 18;

            // Header grid.
            double headerTop = cur.Y;
            var rowTops = new List<double> { headerTop };
            foreach (double hh in headerHeights)
            {
                rowTops.Add(rowTops[^1] + hh);
            }

            foreach (var cell in t.Header)
            {
                double x1 = colX[cell.Col];
                double x2 = colX[cell.Col + cell.ColSpan];
                double y1 = rowTops[cell.Row];
                double y2 = rowTops[cell.Row + cell.RowSpan];
                var lines = WrapCell(w, cell.Text, x2 - x1 - 6, fs, t.MaxCellLines);
                double textH = lines.Count * lh;
                double ty = y1 + ((y2 - y1 - textH) / 2);
                foreach (var line in lines)
                {
                    ty += lh;
                    double lw = page.TextWidth(line, fs);
                    page.Text(line, x1 + ((x2 - x1 - lw) / 2), ty - (lh * 0.25), fs);
                }

                Box(page, s.Rules, x1, y1, x2, y2);
            }

            cur.Y = rowTops[^1];

            // Body rows, continuing over pages without repeating the header.
            foreach (var row in t.Rows)
            {
                double h = RowHeight(w, t, row, colW, fs, lh);
                if (cur.Y + h > bottom)
                {
                    page = NewPage();
                    t.Pages.Add(w.PageCount);
                    if (s.ContinuationMark)
                    {
                        page.Text("续表", Margin, cur.Y + 10, 10);
                        cur.Y += 16;
                    }
                }

                row.Page = w.PageCount;
                for (int c = 0; c < row.Cells.Length; c++)
                {
                    string text = row.Cells[c];
                    double x1 = colX[c];
                    double x2 = colX[c + 1];
                    if (text.Length > 0)
                    {
                        if (t.TextColumns.Contains(c))
                        {
                            var lines = WrapCell(w, text, x2 - x1 - 6, fs, t.MaxCellLines);
                            double ty = cur.Y + ((h - (lines.Count * lh)) / 2);
                            foreach (var line in lines)
                            {
                                ty += lh;
                                page.Text(line, x1 + 3, ty - (lh * 0.25), fs);
                            }
                        }
                        else
                        {
                            double lw = page.TextWidth(text, fs);
                            page.Text(text, x2 - 3 - lw, cur.Y + ((h - lh) / 2) + (lh * 0.75), fs);
                        }
                    }

                    Box(page, s.Rules, x1, cur.Y, x2, cur.Y + h);
                }

                cur.Y += h;
            }

            foreach (var note in t.Notes)
            {
                var lines = Wrap(w, note, tableW, 9);
                foreach (var line in lines)
                {
                    if (cur.Y + 14 > bottom)
                    {
                        page = NewPage();
                        t.Pages.Add(w.PageCount);
                    }

                    cur.Y += 14;
                    page.Text(line, Margin, cur.Y, 9);
                }
            }

            t.Pages = t.Pages.Distinct().ToList();
        }
    }

    private static double RowHeight(PdfWriter page, PrintedTable t, GridRow row, List<double> colW, double fs, double lh)
    {
        int lines = 1;
        foreach (int c in t.TextColumns)
        {
            lines = Math.Max(lines, WrapCell(page, row.Cells[c], colW[c] - 6, fs, t.MaxCellLines).Count);
        }

        return (lines * lh) + 5;
    }

    private static List<double> HeaderHeights(PdfWriter page, PrintedTable t, List<double> colW, double fs, double lh)
    {
        var heights = Enumerable.Repeat(lh + 6, t.HeaderRows).ToList();
        foreach (var cell in t.Header.OrderBy(c => c.RowSpan))
        {
            double w = colW.Skip(cell.Col).Take(cell.ColSpan).Sum();
            double need = (WrapCell(page, cell.Text, w - 6, fs, t.MaxCellLines).Count * lh) + 6;
            double have = heights.Skip(cell.Row).Take(cell.RowSpan).Sum();
            if (need > have)
            {
                heights[cell.Row + cell.RowSpan - 1] += need - have;
            }
        }

        return heights;
    }

    /// <summary>Wraps cell text; at most three lines (text beyond stays in the text layer on the last line).</summary>
    private static List<string> WrapCell(PdfWriter page, string text, double width, double fs, int maxLines = 3)
    {
        if (text.Length == 0)
        {
            return [""];
        }

        var lines = Wrap(page, text, Math.Max(width, fs * 2), fs);
        if (lines.Count > maxLines)
        {
            lines = [.. lines.Take(maxLines - 1), string.Concat(lines.Skip(maxLines - 1))];
        }

        return lines;
    }

    private static void Box(PdfCanvas page, RuleStyle rules, double x1, double y1, double x2, double y2)
    {
        switch (rules)
        {
            case RuleStyle.Lines:
                page.Line(x1, y1, x2, y1, 0.5);
                page.Line(x1, y2, x2, y2, 0.5);
                page.Line(x1, y1, x1, y2, 0.5);
                page.Line(x2, y1, x2, y2, 0.5);
                break;
            case RuleStyle.Rects:
                page.FillRect(x1, y1 - 0.3, x2 - x1, 0.6, 0);
                page.FillRect(x1, y2 - 0.3, x2 - x1, 0.6, 0);
                page.FillRect(x1 - 0.3, y1, 0.6, y2 - y1, 0);
                page.FillRect(x2 - 0.3, y1, 0.6, y2 - y1, 0);
                break;
            default:
                break;
        }
    }
}
