using System.Text;

namespace Ingest.Fetch.Tests;

public sealed class UrlListReaderTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_plain_list_skips_comments_and_blanks_and_removes_duplicates()
    {
        var list = UrlListReader.Parse("""
            # Putuo district 2026
            http://www.shpt.gov.cn/a.pdf

              https://example.org/b.pdf  
            http://WWW.SHPT.GOV.CN/a.pdf
            http://www.shpt.gov.cn/a.pdf#page=3
            not a url
            """);

        Assert.False(list.IsManifest);
        Assert.Equal(["http://www.shpt.gov.cn/a.pdf", "https://example.org/b.pdf", "not a url"], list.Requests.Select(r => r.Url));
        Assert.Equal(2, list.DuplicatesRemoved);
        Assert.All(list.Requests, r => Assert.Empty(r.Metadata));
    }

    [Fact]
    public void Non_ascii_urls_are_percent_encoded_once()
    {
        var list = UrlListReader.Parse("http://example.org/预算/2026.pdf\nhttp://example.org/%E9%A2%84%E7%AE%97/2026.pdf\n");

        var request = Assert.Single(list.Requests);
        Assert.Equal("http://example.org/%E9%A2%84%E7%AE%97/2026.pdf", request.Url);
    }

    [Fact]
    public void A_manifest_carries_its_columns_as_metadata()
    {
        var list = UrlListReader.Parse("""
            url,organization,year,kind,level,group
            http://x.example/1.pdf,上海市普陀区司法局,2026,budget,department,putuo
            "http://x.example/2.pdf","Jiangsu Department of Finance, Budget Office",2018,final,department,
            http://x.example/1.pdf,duplicate,2026,budget,department,putuo
            """);

        Assert.True(list.IsManifest);
        Assert.Equal(2, list.Requests.Count);
        Assert.Equal(1, list.DuplicatesRemoved);
        var first = list.Requests[0].Metadata;
        Assert.Equal("上海市普陀区司法局", first["organization"]);
        Assert.Equal("2026", first["year"]);
        Assert.Equal("budget", first["kind"]);
        Assert.Equal("department", first["level"]);
        Assert.Equal("putuo", first["group"]);
        var second = list.Requests[1].Metadata;
        Assert.Equal("Jiangsu Department of Finance, Budget Office", second["organization"]);
        Assert.False(second.ContainsKey("group"));
    }

    [Fact]
    public void A_manifest_may_have_any_subset_of_columns_in_any_order()
    {
        var list = UrlListReader.Parse("year,URL\r\n2024,http://x.example/a.pdf\r\n,http://x.example/b.pdf\r\n2025,\r\n");

        Assert.Equal(2, list.Requests.Count);
        Assert.Equal("2024", list.Requests[0].Metadata["year"]);
        Assert.Empty(list.Requests[1].Metadata);
        Assert.Single(list.Warnings);
    }

    [Fact]
    public void Quoted_cells_may_hold_quotes_and_line_breaks()
    {
        var records = UrlListReader.ParseCsvRecords("a,\"b \"\"quoted\"\"\",\"line1\nline2\"\nc,d,e").ToList();

        Assert.Equal(["a", "b \"quoted\"", "line1\nline2"], records[0]);
        Assert.Equal(["c", "d", "e"], records[1]);
    }

    [Fact]
    public void A_csv_file_without_a_url_column_is_rejected()
    {
        var path = Path.Combine(_dir.Path, "bad.csv");
        File.WriteAllText(path, "organization,year\nX,2020\n");

        Assert.Throws<FormatException>(() => UrlListReader.Read(path));
    }

    [Fact]
    public void Files_are_read_as_utf8_with_bom_or_as_gb18030()
    {
        var utf8 = Path.Combine(_dir.Path, "bom.csv");
        File.WriteAllText(utf8, "url,organization\nhttp://x.example/a.pdf,普陀区财政局\n", new UTF8Encoding(true));
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gbk = Path.Combine(_dir.Path, "excel.csv");
        File.WriteAllBytes(gbk, Encoding.GetEncoding("GB18030").GetBytes("url,organization\nhttp://x.example/a.pdf,普陀区财政局\n"));

        Assert.Equal("普陀区财政局", UrlListReader.Read(utf8).Requests[0].Metadata["organization"]);
        Assert.Equal("普陀区财政局", UrlListReader.Read(gbk).Requests[0].Metadata["organization"]);
    }

    [Fact]
    public void A_txt_file_with_a_url_header_is_read_as_a_manifest()
    {
        var path = Path.Combine(_dir.Path, "list.txt");
        File.WriteAllText(path, "# manifest\nurl,kind\nhttp://x.example/a.pdf,final\n");

        var list = UrlListReader.Read(path);

        Assert.True(list.IsManifest);
        Assert.Equal("final", list.Requests[0].Metadata["kind"]);
    }
}
