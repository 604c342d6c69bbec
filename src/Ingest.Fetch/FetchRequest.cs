using Ingest.Core.Pipeline;

namespace Ingest.Fetch;

/// <summary>One URL to fetch, with the manifest metadata to carry into its <see cref="FetchEntry"/>.</summary>
internal sealed record FetchRequest(string Url, IReadOnlyDictionary<string, string> Metadata)
{
    private static readonly Dictionary<string, string> NoMetadata = [];

    public FetchRequest(string url)
        : this(url, NoMetadata)
    {
    }
}

/// <summary>How one URL ended in a run.</summary>
internal enum FetchOutcome
{
    /// <summary>Downloaded and stored as a new file.</summary>
    Downloaded,

    /// <summary>Downloaded, but the same bytes were already stored (from another URL or an earlier run).</summary>
    Deduplicated,

    /// <summary>Fetched in an earlier run and the stored file is intact: not downloaded again.</summary>
    AlreadyPresent,

    /// <summary>Failed after retries; the reason is in <see cref="FetchEntry.LastError"/>.</summary>
    Failed,
}

/// <summary>Reported after each URL finishes.</summary>
internal sealed record FetchProgress(int Completed, int Total, FetchOutcome Outcome, FetchEntry Entry);

/// <summary>Result of <see cref="Fetcher.FetchAsync"/>.</summary>
internal sealed class FetchSummary
{
    public int Total { get; init; }
    public int Downloaded { get; init; }
    public int Deduplicated { get; init; }
    public int AlreadyPresent { get; init; }
    public int Failed { get; init; }

    /// <summary>Failure reason code → number of URLs.</summary>
    public IReadOnlyDictionary<string, int> FailureReasons { get; init; } = new Dictionary<string, int>();

    /// <summary>Final entry of every distinct URL, in input order.</summary>
    public IReadOnlyList<FetchEntry> Entries { get; init; } = [];

    public TimeSpan Elapsed { get; init; }

    public bool AllFetched => Failed == 0;
}
