using Ingest.Core.Pipeline;

namespace Ingest.Storage;

/// <summary>
/// Everything the commands need from a store, whatever engine holds it: records keyed by document id,
/// line items and findings for exports and summaries, and the fetch state. SQLite and PostgreSQL
/// implement it with the same schema and the same queries.
/// </summary>
public interface IIngestStore : IRecordStore, IFetchStateStore, ILineItemSource
{
    /// <summary>Where the store is, for messages (a file path, or a PostgreSQL URL without the password).</summary>
    string Location { get; }

    /// <summary>Counts by severity of findings across the store, for summaries.</summary>
    IReadOnlyDictionary<string, long> FindingCounts();
}

/// <summary>Opens the store named by a <c>--store</c> value: a SQLite path, or a PostgreSQL connection string.</summary>
public static class RecordStores
{
    /// <summary>
    /// A PostgreSQL connection string contains <c>Host=</c> (Npgsql keyword form) or is a URL starting with
    /// <c>postgres://</c> or <c>postgresql://</c>; anything else is a SQLite file path.
    /// </summary>
    public static bool IsPostgres(string store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var s = store.Trim();
        return s.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || s.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
            || s.Contains("Host=", StringComparison.OrdinalIgnoreCase)
            || s.Contains("Server=", StringComparison.OrdinalIgnoreCase) && s.Contains(';', StringComparison.Ordinal);
    }

    public static IIngestStore Open(string store)
    {
        if (!IsPostgres(store))
        {
            return new SqliteRecordStore(store);
        }

        try
        {
            return new PostgresRecordStore(store);
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or ArgumentException or FormatException or InvalidOperationException or TimeoutException)
        {
            throw new StoreUnavailableException($"cannot open PostgreSQL store {PostgresConnection.Redact(store)}: {ex.Message}", ex);
        }
    }

    /// <summary>Whether there is something to read: a SQLite file that exists, or any PostgreSQL store (its tables are created on open).</summary>
    public static bool Exists(string store) => IsPostgres(store) || File.Exists(store);
}

/// <summary>The store could not be opened (PostgreSQL unreachable, bad credentials, unusable file).</summary>
public sealed class StoreUnavailableException(string message, Exception inner) : Exception(message, inner);
