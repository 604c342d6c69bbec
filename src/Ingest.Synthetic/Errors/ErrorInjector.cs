namespace Ingest.Synthetic.Errors;

internal sealed class InjectedVariant
{
    public GeneratedDocument Document { get; set; } = new();
    public string ExpectJson() => "{}";
}

internal sealed class ErrorInjector(Corpus corpus)
{
    private readonly Corpus _corpus = corpus;

    public InjectedVariant? Inject(GeneratedDocument doc, int k) => _corpus is null || doc is null || k < 0 ? null : null;
}
