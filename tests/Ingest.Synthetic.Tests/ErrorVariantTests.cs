using System.Text.Json;
using Ingest.Core.Records;
using Ingest.Tests.Common;

namespace Ingest.Synthetic.Tests;

public sealed class ErrorVariantTests
{
    public static TheoryData<string> Variants()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Path.Combine(RepoPaths.Corpus, "errors"), "*.expect.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(f)[..^".expect.json".Length]);
        }

        return data;
    }

    private static List<string> Figures(DocumentRecord d)
    {
        var list = new List<string>();
        foreach (var t in d.Tables)
        {
            foreach (var r in t.Rows)
            {
                foreach (var (k, v) in r.Printed)
                {
                    list.Add($"{t.Type}|{r.Index}|{r.Side}|{k}={v}");
                }
            }
        }

        foreach (var n in d.Narrative)
        {
            list.Add($"{n.Key}|{n.Kind}|{n.Quote}");
        }

        return list;
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Variant_differs_from_base_in_exactly_one_printed_figure(string name)
    {
        using var expect = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Corpus, "errors", name + ".expect.json")));
        string baseFile = expect.RootElement.GetProperty("base").GetString()!;
        string baseName = baseFile[..^".pdf".Length];
        var b = RecordJson.Deserialize(File.ReadAllText(Path.Combine(RepoPaths.Corpus, baseName + ".truth.json")));
        var v = RecordJson.Deserialize(File.ReadAllText(Path.Combine(RepoPaths.Corpus, "errors", name + ".truth.json")));
        var fb = Figures(b);
        var fv = Figures(v);
        Assert.Equal(fb.Count, fv.Count);
        Assert.Single(fb.Except(fv));
        Assert.Single(fv.Except(fb));

        // The PDF text layer differs on exactly one page.
        var pb = PdfReadBackTests.PageTexts(baseName + ".truth.json", b)[0];
        var pv = PdfReadBackTests.PageTexts(Path.Combine("errors", name + ".truth.json"), v)[0];
        Assert.Equal(pb.Count, pv.Count);
        Assert.Single(pb.Zip(pv), x => x.First != x.Second);

        bool inside = expect.RootElement.GetProperty("expect_no_error").GetBoolean();
        int errors = expect.RootElement.GetProperty("expected_errors").GetArrayLength();
        Assert.Equal(inside, errors == 0);
        Assert.Contains(expect.RootElement.GetProperty("size").GetString(), new[] { "well_beyond", "just_beyond", "inside" });
    }

    [Fact]
    public void All_three_sizes_are_present()
    {
        var sizes = Directory.GetFiles(Path.Combine(RepoPaths.Corpus, "errors"), "*.expect.json")
            .Select(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement.GetProperty("size").GetString())
            .ToHashSet();
        Assert.Contains("well_beyond", sizes);
        Assert.Contains("just_beyond", sizes);
        Assert.Contains("inside", sizes);
    }
}
