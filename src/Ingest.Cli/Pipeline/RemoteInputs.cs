using System.Text;
using Ingest.Core.Pipeline;
using Ingest.Fetch;
using Microsoft.Extensions.Logging;

namespace Ingest.Cli.Pipeline;

/// <summary>
/// Inputs that name remote documents: URLs on the command line, URL lists (.txt) and manifests (.csv).
/// They are fetched first (resumable, deduplicated), then processed as documents; manifest metadata and
/// the <c>group</c> column (files of one document) flow into the records.
/// </summary>
internal static class RemoteInputs
{
    public static bool IsRemote(string input) =>
        input.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || input.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
        || input.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) || input.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);

    public static async Task<(List<DocumentInput> Documents, FetchSummary Summary)> FetchAsync(
        IReadOnlyList<string> inputs, FetchOptions options, IFetchStateStore state, ILoggerFactory loggers, TextWriter stderr, CancellationToken cancellationToken)
    {
        var urls = inputs.Where(i => i.Contains("://", StringComparison.Ordinal)).ToList();
        var lists = inputs.Except(urls).ToList();
        var temp = (string?)null;
        if (urls.Count > 0)
        {
            temp = Path.Combine(Path.GetTempPath(), $"ingest-urls-{Environment.ProcessId}.txt");
            await File.WriteAllLinesAsync(temp, urls, new UTF8Encoding(false), cancellationToken);
            lists.Add(temp);
        }

        var documents = new List<DocumentInput>();
        FetchSummary? last = null;
        try
        {
            foreach (var list in lists)
            {
                var summary = await FetchCommand.RunAsync(list, options, state, loggers.CreateLogger<Fetcher>(), null, cancellationToken);
                stderr.Write(FetchCommand.Describe(summary));
                documents.AddRange(Group(summary.Entries));
                last = last is null ? summary : Merge(last, summary);
            }
        }
        finally
        {
            if (temp is not null)
            {
                File.Delete(temp);
            }
        }

        return (documents, last ?? new FetchSummary());
    }

    /// <summary>Fetched entries become documents; entries sharing a manifest <c>group</c> become one document.</summary>
    internal static IEnumerable<DocumentInput> Group(IEnumerable<FetchEntry> entries)
    {
        var fetched = entries.Where(e => e.Status == FetchStatus.Fetched && e.Path is not null).ToList();
        foreach (var group in fetched.GroupBy(e => e.Metadata.GetValueOrDefault("group") is { Length: > 0 } g ? "g:" + g : "u:" + e.Url))
        {
            var members = group.ToList();
            // Narrative first, then tables, when the manifest says which is which.
            members.Sort((a, b) => Rank(a).CompareTo(Rank(b)));
            var metadata = members.SelectMany(m => m.Metadata).GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.First().Value);
            yield return new DocumentInput(members.Select(m => m.Path!).Distinct().ToList(), members[0].Url, metadata);
        }
    }

    private static int Rank(FetchEntry e) => e.Metadata.GetValueOrDefault("role") switch
    {
        "narrative" => 0,
        "full" => 1,
        "tables" => 2,
        _ => 1,
    };

    private static FetchSummary Merge(FetchSummary a, FetchSummary b) => new()
    {
        Total = a.Total + b.Total,
        Downloaded = a.Downloaded + b.Downloaded,
        Deduplicated = a.Deduplicated + b.Deduplicated,
        AlreadyPresent = a.AlreadyPresent + b.AlreadyPresent,
        Failed = a.Failed + b.Failed,
        Entries = [.. a.Entries, .. b.Entries],
        Elapsed = a.Elapsed + b.Elapsed,
        FailureReasons = a.FailureReasons.Concat(b.FailureReasons).GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Sum(kv => kv.Value)),
    };
}
