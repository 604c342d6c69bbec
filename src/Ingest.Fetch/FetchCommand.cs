using System.Globalization;
using System.Text;
using Ingest.Core.Pipeline;
using Microsoft.Extensions.Logging;

namespace Ingest.Fetch;

/// <summary>
/// What <c>ingest fetch &lt;urls.txt|manifest.csv&gt; [--out DIR]</c> calls: read the list, fetch, describe the result.
/// The CLI owns argument parsing, the store (SQLite from Ingest.Storage, or <see cref="JsonLinesFetchStateStore"/> at
/// <see cref="DefaultStatePath"/>) and Ctrl+C (cancel the token; a rerun resumes).
/// </summary>
internal static class FetchCommand
{
    /// <summary>Where a JSON-lines state file lives when no record store is configured: <c>&lt;out&gt;/fetch-state.jsonl</c>.</summary>
    public static string DefaultStatePath(string outputDirectory) => Path.Combine(outputDirectory, "fetch-state.jsonl");

    /// <summary>Reads <paramref name="listPath"/> (<see cref="UrlListReader"/>) and fetches every URL into <see cref="FetchOptions.OutputDirectory"/>.</summary>
    /// <exception cref="FormatException">A CSV manifest without a <c>url</c> column.</exception>
    /// <exception cref="OperationCanceledException">Canceled; the state is saved and a rerun resumes.</exception>
    public static async Task<FetchSummary> RunAsync(
        string listPath,
        FetchOptions options,
        IFetchStateStore store,
        ILogger<Fetcher> logger,
        IProgress<FetchProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(logger);
        var list = UrlListReader.Read(listPath);
        FetchLog.ListRead(logger, FetchLog.Stage, list.Requests.Count, listPath, list.IsManifest, list.DuplicatesRemoved);
        foreach (var warning in list.Warnings)
        {
            FetchLog.ListWarning(logger, FetchLog.Stage, listPath, warning);
        }

        using var fetcher = new Fetcher(options, store, logger);
        return await fetcher.FetchAsync(list.Requests, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>0 when every URL is fetched, 1 when some failed (rerun to retry them).</summary>
    public static int ExitCode(FetchSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return summary.AllFetched ? 0 : 1;
    }

    /// <summary>A few lines for the console: counts, failures by reason, and the first failed URLs with their errors.</summary>
    public static string Describe(FetchSummary summary, int maxFailedUrls = 20)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        int ok = summary.Downloaded + summary.Deduplicated + summary.AlreadyPresent;
        text.Append(c, $"fetched {ok} of {summary.Total} URLs in {summary.Elapsed:hh\\:mm\\:ss}: ");
        text.Append(c, $"{summary.Downloaded} downloaded, {summary.Deduplicated} same bytes as a stored file, {summary.AlreadyPresent} already present");
        text.AppendLine();
        if (summary.Failed == 0)
        {
            return text.ToString();
        }

        text.Append(c, $"{summary.Failed} failed: ");
        text.AppendJoin(", ", summary.FailureReasons.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key} {kv.Value}"));
        text.AppendLine();
        foreach (var entry in summary.Entries.Where(e => e.Status == FetchStatus.Failed).Take(maxFailedUrls))
        {
            text.Append(c, $"  {entry.Url}  {entry.LastError}").AppendLine();
        }

        if (summary.Failed > maxFailedUrls)
        {
            text.Append(c, $"  … and {summary.Failed - maxFailedUrls} more").AppendLine();
        }

        text.AppendLine("rerun the same command to retry failed URLs; fetched ones are kept.");
        return text.ToString();
    }
}
