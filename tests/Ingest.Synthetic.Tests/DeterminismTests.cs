using Ingest.Core.Records;
using Ingest.Synthetic.Model;
using Ingest.Synthetic.Pdf;

namespace Ingest.Synthetic.Tests;

public sealed class DeterminismTests
{
    internal const string FontPath = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf";

    private static readonly Lazy<TrueTypeFont> Font = new(() => TrueTypeFont.Load(FontPath));

    internal static Corpus NewCorpus() => new(Font.Value, CodeBook.Embedded());

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    public void Same_seed_gives_identical_truth_and_pdf_bytes(int index)
    {
        var a = NewCorpus().Generate(20261126, index);
        var b = NewCorpus().Generate(20261126, index);
        Assert.Equal(RecordJson.Serialize(a.Truth, indented: true), RecordJson.Serialize(b.Truth, indented: true));
        Assert.Equal(a.Files.Count, b.Files.Count);
        for (int i = 0; i < a.Files.Count; i++)
        {
            Assert.Equal(a.Files[i].Bytes, b.Files[i].Bytes);
        }
    }

    [Fact]
    public void Different_seeds_give_different_documents()
    {
        var a = NewCorpus().Generate(1, 0);
        var b = NewCorpus().Generate(2, 0);
        Assert.NotEqual(RecordJson.Serialize(a.Truth), RecordJson.Serialize(b.Truth));
    }

    [Fact]
    public void Committed_corpus_matches_a_fresh_generation_with_the_default_seed()
    {
        var doc = NewCorpus().Generate(20261126, 3);
        string committed = File.ReadAllText(Path.Combine(Ingest.Tests.Common.RepoPaths.Corpus, doc.Spec.Name + ".truth.json"));
        Assert.Equal(committed, RecordJson.Serialize(doc.Truth, indented: true) + "\n");
    }

    [Fact]
    public void Missing_font_fails_clearly()
    {
        var e = Assert.Throws<FileNotFoundException>(() => TrueTypeFont.Load("/nonexistent/font.ttf"));
        Assert.Contains("fonts-droid-fallback", e.Message, StringComparison.Ordinal);
    }
}
