using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Ingest.Core.Pipeline;
using Microsoft.Extensions.Logging;

namespace Ingest.Fetch.Tests;

/// <summary>Tiny but well-formed-looking PDFs, different per label.</summary>
internal static class TestPdf
{
    public static byte[] Make(string label, int padding = 64) => Encoding.ASCII.GetBytes(
        $"%PDF-1.4\n% ingest test document {label}\n1 0 obj\n<< /Type /Catalog >>\nendobj\n% {new string('x', padding)}\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}

/// <summary>A fresh directory under the system temp folder, removed on dispose.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ingest-fetch-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Out => System.IO.Path.Combine(Path, "out");

    public string[] PdfFiles() => Directory.Exists(Out) ? Directory.GetFiles(Out, "*.pdf") : [];

    public string[] TempFiles() => Directory.Exists(Out) ? Directory.GetFiles(Out, Fetcher.TempPrefix + "*") : [];

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

internal sealed record LogRecord(LogLevel Level, EventId EventId, string Message, IReadOnlyDictionary<string, object?> Properties);

/// <summary>Collects structured log events.</summary>
internal sealed class ListLogger<T> : ILogger<T>
{
    public ConcurrentQueue<LogRecord> Records { get; } = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var properties = state is IEnumerable<KeyValuePair<string, object?>> pairs
            ? pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal)
            : [];
        Records.Enqueue(new LogRecord(logLevel, eventId, formatter(state, exception), properties));
    }
}

internal static class Fast
{
    /// <summary>Options with tiny delays so fault tests run in milliseconds; breaker effectively off unless a test turns it on.</summary>
    public static FetchOptions Options(TempDir dir, Action<FetchOptions>? tweak = null)
    {
        var options = new FetchOptions
        {
            OutputDirectory = dir.Out,
            MaxConcurrency = 4,
            PerHostConcurrency = 4,
            PerHostRequestsPerSecond = 0,
            AttemptTimeout = TimeSpan.FromSeconds(5),
            TotalTimeout = TimeSpan.FromSeconds(30),
            MaxRetries = 5,
            RetryBaseDelay = TimeSpan.FromMilliseconds(5),
            RetryMaxDelay = TimeSpan.FromMilliseconds(40),
            BreakerMinimumThroughput = 1000,
        };
        tweak?.Invoke(options);
        return options;
    }

    public static Fetcher Fetcher(FetchOptions options, IFetchStateStore store, ListLogger<Fetcher>? logger = null) =>
        new(options, store, logger ?? new ListLogger<Fetcher>());

    public static async Task<(FetchSummary Summary, InMemoryFetchStateStore Store)> RunAsync(FetchOptions options, params string[] urls)
    {
        var store = new InMemoryFetchStateStore();
        using var fetcher = Fetcher(options, store);
        var summary = await fetcher.FetchAsync(urls.Select(u => new FetchRequest(u)));
        return (summary, store);
    }

    public static string? Reason(this FetchEntry entry) => FetchErrors.ReasonOf(entry);
}
