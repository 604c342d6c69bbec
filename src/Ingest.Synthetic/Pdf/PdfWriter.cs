using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace Ingest.Synthetic.Pdf;

/// <summary>
/// Writes a PDF with one embedded, subsetted TrueType font as a Type0 / CIDFontType2 font
/// (Identity-H, CID = subset glyph id, ToUnicode CMap) so the text layer round-trips exactly.
/// Output depends only on the drawing calls: no dates, ids or dictionary order.
/// </summary>
internal sealed class PdfWriter(TrueTypeFont font)
{
    private readonly List<PdfCanvas> _pages = [];

    public TrueTypeFont Font { get; } = font;

    public int PageCount => _pages.Count;

    public double TextWidth(string text, double size)
    {
        double w = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            w += (Helvetica.Uses(rune.Value) ? Helvetica.Width1000(rune.Value) : Font.Advance1000(Font.GlyphOf(rune.Value))) * size / 1000.0;
        }

        return w;
    }

    /// <summary>Adds a page; sizes are the displayed size. With <paramref name="rotate90"/> the media box is
    /// portrait (height × width) with /Rotate 90, and drawing is transformed so it displays upright.</summary>
    public PdfCanvas AddPage(double displayWidth, double displayHeight, bool rotate90)
    {
        var page = new PdfCanvas(this, displayWidth, displayHeight, rotate90);
        _pages.Add(page);
        return page;
    }

    public byte[] ToBytes()
    {
        // Collect characters in first-use order (deterministic), map to subset glyph ids.
        var chars = new List<int>();
        var seen = new HashSet<int>();
        foreach (var page in _pages)
        {
            foreach (var text in page.Texts())
            {
                foreach (var rune in text.EnumerateRunes())
                {
                    if (!Helvetica.Uses(rune.Value) && seen.Add(rune.Value))
                    {
                        chars.Add(rune.Value);
                    }
                }
            }
        }

        // One CID per distinct character (a glyph shared by two characters gets two CIDs so ToUnicode stays exact).
        var glyphs = chars.Select(Font.GlyphOf).ToList();
        var (fontBytes, newIds) = Font.Subset(glyphs.Distinct().ToList());
        var cidOf = new Dictionary<int, int>();
        var cidGlyph = new List<int> { 0 };
        var cidChar = new List<int> { 0 };
        foreach (int c in chars)
        {
            cidOf[c] = cidGlyph.Count;
            cidGlyph.Add(newIds[Font.GlyphOf(c)]);
            cidChar.Add(c);
        }

        var objects = new List<byte[]>();
        int Reserve()
        {
            objects.Add([]);
            return objects.Count;
        }

        int catalog = Reserve();
        int pagesObj = Reserve();
        int info = Reserve();
        int type0 = Reserve();
        int cidFont = Reserve();
        int descriptor = Reserve();
        int fontFile = Reserve();
        int toUnicode = Reserve();
        int cidToGid = Reserve();
        int latin = Reserve();
        var pageIds = new List<int>();
        var contentIds = new List<int>();
        foreach (var _ in _pages)
        {
            pageIds.Add(Reserve());
            contentIds.Add(Reserve());
        }

        void Set(int id, string dict) => objects[id - 1] = Encoding.ASCII.GetBytes(dict);
        void SetStream(int id, string dict, byte[] data, bool compress)
        {
            byte[] body = compress ? Deflate(data) : data;
            string head = "<<" + dict + (compress ? "/Filter/FlateDecode" : "") + "/Length " + Num(body.Length) + ">>\nstream\n";
            var ms = new MemoryStream();
            ms.Write(Encoding.ASCII.GetBytes(head));
            ms.Write(body);
            ms.Write("\nendstream"u8);
            objects[id - 1] = ms.ToArray();
        }

        string subsetTag = SubsetTag(chars);
        double scale = 1000.0 / Font.UnitsPerEm;
        Set(catalog, $"<</Type/Catalog/Pages {pagesObj} 0 R>>");
        Set(pagesObj, "<</Type/Pages/Count " + Num(_pages.Count) + "/Kids[" + string.Join(" ", pageIds.Select(p => p + " 0 R")) + "]>>");
        Set(info, "<</Producer(Ingest.Synthetic)/Creator(Ingest.Synthetic)/CreationDate(D:20260101000000Z)/ModDate(D:20260101000000Z)>>");
        Set(type0, $"<</Type/Font/Subtype/Type0/BaseFont/{subsetTag}+DroidSansFallback/Encoding/Identity-H/DescendantFonts[{cidFont} 0 R]/ToUnicode {toUnicode} 0 R>>");
        var widths = new StringBuilder();
        widths.Append("[1[");
        for (int cid = 1; cid < cidChar.Count; cid++)
        {
            widths.Append(Num(Math.Round(Font.Advance1000(Font.GlyphOf(cidChar[cid])), 1))).Append(' ');
        }

        widths.Append("]]");
        Set(cidFont, $"<</Type/Font/Subtype/CIDFontType2/BaseFont/{subsetTag}+DroidSansFallback/CIDSystemInfo<</Registry(Adobe)/Ordering(Identity)/Supplement 0>>/FontDescriptor {descriptor} 0 R/DW 1000/W{widths}/CIDToGIDMap {cidToGid} 0 R>>");
        Set(descriptor, $"<</Type/FontDescriptor/FontName/{subsetTag}+DroidSansFallback/Flags 4/FontBBox[{Num(Font.XMin * scale)} {Num(Font.YMin * scale)} {Num(Font.XMax * scale)} {Num(Font.YMax * scale)}]/ItalicAngle 0/Ascent {Num(Font.Ascent * scale)}/Descent {Num(Font.Descent * scale)}/CapHeight {Num(Font.Ascent * scale)}/StemV 80/FontFile2 {fontFile} 0 R>>");
        SetStream(fontFile, "/Length1 " + Num(fontBytes.Length), fontBytes, compress: true);
        SetStream(toUnicode, "", Encoding.ASCII.GetBytes(ToUnicodeCMap(cidChar)), compress: true);
        var map = new byte[2 * cidGlyph.Count];
        for (int cid = 0; cid < cidGlyph.Count; cid++)
        {
            map[2 * cid] = (byte)(cidGlyph[cid] >> 8);
            map[(2 * cid) + 1] = (byte)cidGlyph[cid];
        }

        SetStream(cidToGid, "", map, compress: true);
        Set(latin, "<</Type/Font/Subtype/Type1/BaseFont/Helvetica/Encoding/WinAnsiEncoding/FirstChar 32/LastChar 255/Widths[" + Helvetica.WidthsArray(_pages.Exists(p => p.Texts().Any(t => t.Contains('\u2014', StringComparison.Ordinal)))) + "]>>");

        for (int i = 0; i < _pages.Count; i++)
        {
            var page = _pages[i];
            string media = page.Rotate90
                ? $"[0 0 {Num(page.Height)} {Num(page.Width)}]/Rotate 90"
                : $"[0 0 {Num(page.Width)} {Num(page.Height)}]";
            Set(pageIds[i], $"<</Type/Page/Parent {pagesObj} 0 R/MediaBox{media}/Resources<</Font<</F1 {type0} 0 R/F2 {latin} 0 R>>>>/Contents {contentIds[i]} 0 R>>");
            SetStream(contentIds[i], "", Encoding.ASCII.GetBytes(page.Content(cidOf)), compress: true);
        }

        var output = new MemoryStream();
        output.Write("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n"u8);
        var offsets = new List<long>();
        for (int i = 0; i < objects.Count; i++)
        {
            offsets.Add(output.Position);
            output.Write(Encoding.ASCII.GetBytes((i + 1) + " 0 obj\n"));
            output.Write(objects[i]);
            output.Write("\nendobj\n"u8);
        }

        long xref = output.Position;
        var sb = new StringBuilder();
        sb.Append("xref\n0 ").Append(objects.Count + 1).Append("\n0000000000 65535 f \n");
        foreach (long off in offsets)
        {
            sb.Append(off.ToString("D10", CultureInfo.InvariantCulture)).Append(" 00000 n \n");
        }

        sb.Append("trailer\n<</Size ").Append(objects.Count + 1).Append("/Root ").Append(catalog).Append(" 0 R/Info ").Append(info).Append(" 0 R>>\nstartxref\n").Append(xref).Append("\n%%EOF\n");
        output.Write(Encoding.ASCII.GetBytes(sb.ToString()));
        return output.ToArray();
    }

    internal static string Num(double v)
    {
        double r = Math.Round(v, 3);
        if (r == 0)
        {
            r = 0; // no negative zero
        }

        return r.ToString("0.###", CultureInfo.InvariantCulture);
    }

    private static byte[] Deflate(byte[] data)
    {
        var ms = new MemoryStream();
        using (var z = new ZLibStream(ms, CompressionLevel.Optimal, leaveOpen: true))
        {
            z.Write(data);
        }

        return ms.ToArray();
    }

    private static string SubsetTag(List<int> chars)
    {
        var bytes = new byte[4 * chars.Count];
        for (int i = 0; i < chars.Count; i++)
        {
            BitConverter.TryWriteBytes(bytes.AsSpan(4 * i), chars[i]);
        }

        byte[] hash = SHA256.HashData(bytes);
        var tag = new char[6];
        for (int i = 0; i < 6; i++)
        {
            tag[i] = (char)('A' + (hash[i] % 26));
        }

        return new string(tag);
    }

    private static string ToUnicodeCMap(List<int> cidChar)
    {
        var sb = new StringBuilder();
        sb.Append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n");
        sb.Append("/CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>> def\n");
        sb.Append("/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n");
        sb.Append("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
        for (int start = 1; start < cidChar.Count; start += 100)
        {
            int count = Math.Min(100, cidChar.Count - start);
            sb.Append(count).Append(" beginbfchar\n");
            for (int cid = start; cid < start + count; cid++)
            {
                sb.Append('<').Append(cid.ToString("X4", CultureInfo.InvariantCulture)).Append("> <");
                foreach (char u in char.ConvertFromUtf32(cidChar[cid]))
                {
                    sb.Append(((int)u).ToString("X4", CultureInfo.InvariantCulture));
                }

                sb.Append(">\n");
            }

            sb.Append("endbfchar\n");
        }

        sb.Append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        return sb.ToString();
    }
}

/// <summary>Drawing surface of one page in display coordinates: origin top left, y downwards, points.</summary>
internal sealed class PdfCanvas
{
    private readonly PdfWriter _writer;
    private readonly List<object> _ops = [];

    internal PdfCanvas(PdfWriter writer, double width, double height, bool rotate90)
    {
        _writer = writer;
        Width = width;
        Height = height;
        Rotate90 = rotate90;
    }

    public double Width { get; }
    public double Height { get; }
    public bool Rotate90 { get; }

    public double TextWidth(string text, double size) => _writer.TextWidth(text, size);

    public void Text(string text, double x, double baseline, double size)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (!Helvetica.Uses(rune.Value) && !_writer.Font.HasGlyph(rune.Value))
            {
                throw new InvalidOperationException($"font has no glyph for U+{rune.Value:X4} in '{text}'");
            }
        }

        _ops.Add(new TextOp(text, x, baseline, size));
    }

    public void Line(double x1, double y1, double x2, double y2, double width) => _ops.Add(new LineOp(x1, y1, x2, y2, width));

    public void FillRect(double x, double y, double w, double h, double gray) => _ops.Add(new RectOp(x, y, w, h, gray));

    internal IEnumerable<string> Texts() => _ops.OfType<TextOp>().Select(t => t.Text);

    internal string Content(Dictionary<int, int> cidOf)
    {
        var sb = new StringBuilder();
        foreach (var op in _ops)
        {
            switch (op)
            {
                case TextOp t:
                    var (ux, uy) = ToUser(t.X, t.Baseline);
                    string matrix = Rotate90 ? $"0 1 -1 0 {PdfWriter.Num(ux)} {PdfWriter.Num(uy)}" : $"1 0 0 1 {PdfWriter.Num(ux)} {PdfWriter.Num(uy)}";
                    sb.Append("BT ").Append(matrix).Append(" Tm");
                    int current = 0;
                    var run = new StringBuilder();
                    void Flush()
                    {
                        if (run.Length == 0)
                        {
                            return;
                        }

                        if (current == 2)
                        {
                            sb.Append(" /F2 ").Append(PdfWriter.Num(t.Size)).Append(" Tf ").Append(Helvetica.Literal(run.ToString())).Append(" Tj");
                        }
                        else
                        {
                            sb.Append(" /F1 ").Append(PdfWriter.Num(t.Size)).Append(" Tf <");
                            foreach (var r in run.ToString().EnumerateRunes())
                            {
                                sb.Append(cidOf[r.Value].ToString("X4", CultureInfo.InvariantCulture));
                            }

                            sb.Append("> Tj");
                        }

                        run.Clear();
                    }

                    foreach (var rune in t.Text.EnumerateRunes())
                    {
                        int f = Helvetica.Uses(rune.Value) ? 2 : 1;
                        if (f != current)
                        {
                            Flush();
                            current = f;
                        }

                        run.Append(rune.ToString());
                    }

                    Flush();
                    sb.Append(" ET\n");
                    break;
                case LineOp l:
                    var (ax, ay) = ToUser(l.X1, l.Y1);
                    var (bx, by) = ToUser(l.X2, l.Y2);
                    sb.Append(PdfWriter.Num(l.Width)).Append(" w 0 G ").Append(PdfWriter.Num(ax)).Append(' ').Append(PdfWriter.Num(ay))
                        .Append(" m ").Append(PdfWriter.Num(bx)).Append(' ').Append(PdfWriter.Num(by)).Append(" l S\n");
                    break;
                case RectOp r:
                    var (cx, cy) = ToUser(r.X, r.Y);
                    var (dx, dy) = ToUser(r.X + r.W, r.Y + r.H);
                    sb.Append(PdfWriter.Num(r.Gray)).Append(" g ")
                        .Append(PdfWriter.Num(Math.Min(cx, dx))).Append(' ').Append(PdfWriter.Num(Math.Min(cy, dy))).Append(' ')
                        .Append(PdfWriter.Num(Math.Abs(dx - cx))).Append(' ').Append(PdfWriter.Num(Math.Abs(dy - cy))).Append(" re f 0 g\n");
                    break;
            }
        }

        return sb.ToString();
    }

    private (double X, double Y) ToUser(double x, double y) => Rotate90 ? (y, x) : (x, Height - y);

    private sealed record TextOp(string Text, double X, double Baseline, double Size);

    private sealed record LineOp(double X1, double Y1, double X2, double Y2, double Width);

    private sealed record RectOp(double X, double Y, double W, double H, double Gray);
}
