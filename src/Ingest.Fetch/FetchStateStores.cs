using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Ingest.Core.Pipeline;

namespace Ingest.Fetch;

internal static class FetchEntryCopy
{
    /// <summary>A deep copy, so a store never shares mutable entries with its callers.</summary>
    public static FetchEntry Clone(this FetchEntry e) => new()
    {
        Url = e.Url,
        Status = e.Status,
        Sha256 = e.Sha256,
        Path = e.Path,
        Bytes = e.Bytes,
        Attempts = e.Attempts,
        LastError = e.LastError,
        HttpStatus = e.HttpStatus,
        Metadata = new Dictionary<string, string>(e.Metadata, StringComparer.Ordinal),
        UpdatedAt = e.UpdatedAt,
    };
}

/// <summary>Fetch state held in memory (tests, dry runs). Thread-safe.</summary>
internal sealed class InMemoryFetchStateStore : IFetchStateStore
{
    private readonly ConcurrentDictionary<string, FetchEntry> _entries = new(StringComparer.Ordinal);

    public FetchEntry? GetFetch(string url) => _entries.TryGetValue(url, out var e) ? e.Clone() : null;

    public void PutFetch(FetchEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        _entries[entry.Url] = entry.Clone();
    }

    public IEnumerable<FetchEntry> AllFetches() => _entries.Values.Select(e => e.Clone()).OrderBy(e => e.Url, StringComparer.Ordinal).ToList();
}

/// <summary>
/// Fetch state as an append-only JSON-lines file: every <see cref="PutFetch"/> appends the whole entry and flushes it, the
/// last line for a URL wins. A torn last line (crash while writing) is ignored when the file is opened, and the file is
/// then rewritten compactly (one line per URL). Thread-safe; one instance per file.
/// </summary>
internal sealed class JsonLinesFetchStateStore : IFetchStateStore, IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = false,
    };

    private readonly Dictionary<string, FetchEntry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly FileStream _stream;

    public JsonLinesFetchStateStore(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        FilePath = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(FilePath);
        if (!string.IsNullOrEmpty(dir))
        {
            Directory.CreateDirectory(dir);
        }

        int lines = Load();
        if (lines != _entries.Count || SkippedLines > 0)
        {
            Compact();
        }

        _stream = new FileStream(FilePath, FileMode.Append, FileAccess.Write, FileShare.Read);
    }

    public string FilePath { get; }

    /// <summary>Lines that could not be read when the file was opened (a torn last line after a crash).</summary>
    public int SkippedLines { get; private set; }

    public FetchEntry? GetFetch(string url)
    {
        lock (_lock)
        {
            return _entries.TryGetValue(url, out var e) ? e.Clone() : null;
        }
    }

    public void PutFetch(FetchEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var line = JsonSerializer.SerializeToUtf8Bytes(entry, Json);
        lock (_lock)
        {
            _stream.Write(line);
            _stream.WriteByte((byte)'\n');
            _stream.Flush();
            _entries[entry.Url] = entry.Clone();
        }
    }

    public IEnumerable<FetchEntry> AllFetches()
    {
        lock (_lock)
        {
            return _entries.Values.Select(e => e.Clone()).OrderBy(e => e.Url, StringComparer.Ordinal).ToList();
        }
    }

    public void Dispose() => _stream.Dispose();

    private int Load()
    {
        if (!File.Exists(FilePath))
        {
            return 0;
        }

        int lines = 0;
        foreach (var line in File.ReadLines(FilePath, Encoding.UTF8))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            lines++;
            FetchEntry? entry = null;
            try
            {
                entry = JsonSerializer.Deserialize<FetchEntry>(line, Json);
            }
            catch (JsonException)
            {
            }

            if (entry is null || string.IsNullOrEmpty(entry.Url))
            {
                SkippedLines++;
                continue;
            }

            _entries[entry.Url] = entry;
        }

        return lines;
    }

    private void Compact()
    {
        var temp = FilePath + ".compact.tmp";
        using (var writer = new StreamWriter(temp, append: false, new UTF8Encoding(false)))
        {
            foreach (var entry in _entries.Values.OrderBy(e => e.Url, StringComparer.Ordinal))
            {
                writer.Write(JsonSerializer.Serialize(entry, Json));
                writer.Write('\n');
            }
        }

        File.Move(temp, FilePath, overwrite: true);
    }
}
