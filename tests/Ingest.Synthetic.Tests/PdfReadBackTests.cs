using System.Text;
using Ingest.Core.Records;
using Ingest.Tests.Common;
using UglyToad.PdfPig;

namespace Ingest.Synthetic.Tests;

/// <summary>Every committed PDF reads back with PdfPig: titles, printed amounts and narrative quotes are in the text layer.</summary>
public sealed class PdfReadBackTests
{
    public static TheoryData<string> AllTruths()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(RepoPaths.Corpus, "*.truth.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepoPaths.Corpus, f));
        }

        return data;
    }

    internal static List<List<string>> PageTexts(string truthPath, DocumentRecord d)
    {
        string dir = Path.GetDirectoryName(Path.Combine(RepoPaths.Corpus, truthPath))!;
        var files = new List<List<string>>();
        foreach (var f in d.Files)
        {
            using var pdf = PdfDocument.Open(Path.Combine(dir, f.Path));
            var pages = new List<string>();
            foreach (var page in pdf.GetPages())
            {
                var sb = new StringBuilder();
                foreach (var letter in page.Letters)
                {
                    sb.Append(letter.Value);
                }

                pages.Add(sb.ToString().Replace(" ", "", StringComparison.Ordinal));
            }

            Assert.Equal(f.Pages, pages.Count);
            files.Add(pages);
        }

        return files;
    }

    [Theory]
    [MemberData(nameof(AllTruths))]
    public void Text_layer_holds_titles_amounts_and_quotes(string truth)
    {
        var d = RecordJson.Deserialize(File.ReadAllText(Path.Combine(RepoPaths.Corpus, truth)));
        var files = PageTexts(truth, d);
        foreach (var t in d.Tables)
        {
            var pages = files[t.File];
            Assert.Contains(t.Title!, pages[t.Pages[0] - 1], StringComparison.Ordinal);
            if (t.UnitText is { } unitText)
            {
                // Forms such as 绩效目标表 print no unit line.
                Assert.Contains(unitText, pages[t.Pages[0] - 1], StringComparison.Ordinal);
            }
            foreach (var r in t.Rows.Where((_, i) => i % 3 == 0))
            {
                Assert.Contains(r.Page, t.Pages);
                foreach (var printed in r.Printed.Values.Take(4))
                {
                    Assert.Contains(printed, pages[r.Page - 1], StringComparison.Ordinal);
                }
            }
        }

        foreach (var n in d.Narrative)
        {
            var pages = files[n.File];
            string here = pages[n.Page - 1] + (n.Page < pages.Count ? pages[n.Page] : "");
            Assert.Contains(n.Quote.Replace(" ", "", StringComparison.Ordinal), here, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Chinese_text_and_rotation_round_trip()
    {
        var writer = new Ingest.Synthetic.Pdf.PdfWriter(Ingest.Synthetic.Pdf.TrueTypeFont.Load(DeterminismTests.FontPath));
        var p1 = writer.AddPage(842, 595, false);
        p1.Text("一般公共预算“三公”经费支出表（单位：万元）335.71 占38.27%", 40, 40, 12);
        var p2 = writer.AddPage(842, 595, true);
        p2.Text("机关事业单位基本养老保险缴费支出 2080505", 40, 40, 12);
        using var pdf = PdfDocument.Open(writer.ToBytes());
        Assert.Equal("一般公共预算“三公”经费支出表（单位：万元）335.71 占38.27%", string.Concat(pdf.GetPage(1).Letters.Select(l => l.Value)));
        var page2 = pdf.GetPage(2);
        Assert.Equal(90, page2.Rotation.Value);
        Assert.Equal("机关事业单位基本养老保险缴费支出 2080505", string.Concat(page2.Letters.Select(l => l.Value)));
    }
}
