namespace Ingest.Core.Pipeline;

/// <summary>Final or intermediate state of one URL in a fetch run.</summary>
public enum FetchStatus
{
    Pending,
    Fetched,
    Failed,
}

/// <summary>What the fetch stage knows about one URL; persisted so that a rerun fetches only what is missing or failed.</summary>
public sealed class FetchEntry
{
    public string Url { get; set; } = "";
    public FetchStatus Status { get; set; }
    /// <summary>SHA-256 of the downloaded bytes (content address), when fetched.</summary>
    public string? Sha256 { get; set; }
    /// <summary>Local path of the stored file, when fetched.</summary>
    public string? Path { get; set; }
    public long? Bytes { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public int? HttpStatus { get; set; }
    /// <summary>Manifest metadata carried with the URL (organization, year, kind, level, group).</summary>
    public Dictionary<string, string> Metadata { get; set; } = [];
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>Durable fetch state (in the record store).</summary>
public interface IFetchStateStore
{
    FetchEntry? GetFetch(string url);
    void PutFetch(FetchEntry entry);
    IEnumerable<FetchEntry> AllFetches();
}
