using System.Globalization;
using System.Text;
using Ingest.Core.Layout;
using Ingest.Pdf.Text;

namespace Ingest.Pdf.Output;

/// <summary>Writes one SVG per page for a person to check detection: letters (grey boxes), rulings (red), tables (blue), cells (green).</summary>
internal static class SvgDebugWriter
{
    public static string Write(string directory, string stem, PageContent page, PageLayout layout)
    {
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"{stem}-p{page.Number:D3}.svg"));
        File.WriteAllText(file, Render(page, layout), Encoding.UTF8);
        return file;
    }

    public static string Render(PageContent page, PageLayout layout)
    {
        var sb = new StringBuilder(64 * 1024);
        var ci = CultureInfo.InvariantCulture;
        sb.Append(ci, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{page.Width:F0}\" height=\"{page.Height:F0}\" viewBox=\"0 0 {page.Width:F1} {page.Height:F1}\">\n");
        sb.Append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n<g fill=\"none\" stroke=\"#999\" stroke-width=\"0.3\">\n");
        foreach (var g in page.Glyphs)
        {
            sb.Append(ci, $"<rect x=\"{g.Left:F1}\" y=\"{g.Top:F1}\" width=\"{g.Right - g.Left:F1}\" height=\"{g.Bottom - g.Top:F1}\"/>\n");
        }

        sb.Append("</g>\n<g stroke=\"red\" stroke-width=\"0.8\">\n");
        foreach (var r in page.Rulings)
        {
            if (r.Horizontal)
            {
                sb.Append(ci, $"<line x1=\"{r.Start:F1}\" y1=\"{r.Pos:F1}\" x2=\"{r.End:F1}\" y2=\"{r.Pos:F1}\"/>\n");
            }
            else
            {
                sb.Append(ci, $"<line x1=\"{r.Pos:F1}\" y1=\"{r.Start:F1}\" x2=\"{r.Pos:F1}\" y2=\"{r.End:F1}\"/>\n");
            }
        }

        sb.Append("</g>\n");
        foreach (var t in layout.Tables)
        {
            sb.Append("<g fill=\"none\" stroke=\"green\" stroke-width=\"0.6\">\n");
            foreach (var c in t.Cells)
            {
                var b = c.Box;
                sb.Append(ci, $"<rect x=\"{b.Left + 1:F1}\" y=\"{b.Top + 1:F1}\" width=\"{Math.Max(0.5, b.Width - 2):F1}\" height=\"{Math.Max(0.5, b.Height - 2):F1}\"><title>r{c.Row} c{c.Col} {Escape(c.Text)}</title></rect>\n");
            }

            var tb = t.Bounds;
            sb.Append(ci, $"</g>\n<rect x=\"{tb.Left:F1}\" y=\"{tb.Top:F1}\" width=\"{tb.Width:F1}\" height=\"{tb.Height:F1}\" fill=\"none\" stroke=\"blue\" stroke-width=\"1.5\"/>\n");
            sb.Append(ci, $"<text x=\"{tb.Left:F1}\" y=\"{tb.Top - 2:F1}\" font-size=\"7\" fill=\"blue\">{t.Method} {t.RowCount}x{t.ColCount} h{t.HeaderRows} {Escape(t.Title ?? "")} {Escape(t.UnitText ?? "")}</text>\n");
        }

        sb.Append("</svg>\n");
        return sb.ToString();
    }

    private static string Escape(string s) => s.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);
}
