using Microsoft.Extensions.Logging;

namespace Ingest.Fetch;

/// <summary>Log events of the fetch stage. Every event carries Stage ("fetch"), Url and Attempt as structured properties.</summary>
internal static partial class FetchLog
{
    public const string Stage = "fetch";

    [LoggerMessage(EventId = 7000, Level = LogLevel.Information, Message = "{Stage}: run of {Total} URLs into {OutputDirectory}")]
    public static partial void RunStarting(ILogger logger, string stage, int total, string outputDirectory);

    [LoggerMessage(EventId = 7001, Level = LogLevel.Information,
        Message = "{Stage}: run done in {Elapsed}: {Downloaded} downloaded, {Deduplicated} duplicates of stored files, {AlreadyPresent} already present, {Failed} failed")]
    public static partial void RunDone(ILogger logger, string stage, TimeSpan elapsed, int downloaded, int deduplicated, int alreadyPresent, int failed);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Information, Message = "{Stage}: removed {Count} leftover temporary files from {OutputDirectory}")]
    public static partial void TempFilesRemoved(ILogger logger, string stage, int count, string outputDirectory);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Information, Message = "{Stage}: {Count} URLs from {ListPath} (manifest {IsManifest}, {Duplicates} duplicates removed)")]
    public static partial void ListRead(ILogger logger, string stage, int count, string listPath, bool isManifest, int duplicates);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Warning, Message = "{Stage}: {ListPath}: {Warning}")]
    public static partial void ListWarning(ILogger logger, string stage, string listPath, string warning);

    [LoggerMessage(EventId = 7010, Level = LogLevel.Debug, Message = "{Stage}: {Url} attempt {Attempt}")]
    public static partial void AttemptStarting(ILogger logger, string stage, string url, int attempt);

    [LoggerMessage(EventId = 7011, Level = LogLevel.Debug, Message = "{Stage}: {Url} attempt {Attempt} redirected ({HttpStatus}) to {Location}")]
    public static partial void Redirected(ILogger logger, string stage, string url, int attempt, int httpStatus, string location);

    [LoggerMessage(EventId = 7012, Level = LogLevel.Warning, Message = "{Stage}: {Url} attempt {Attempt} failed ({Reason}); retrying in {Delay}")]
    public static partial void Retrying(ILogger logger, string stage, string url, int attempt, string reason, TimeSpan delay);

    [LoggerMessage(EventId = 7013, Level = LogLevel.Warning, Message = "{Stage}: {Url} attempt {Attempt}: Content-Type {ContentType} but the body is a PDF; accepted")]
    public static partial void ContentTypeMismatch(ILogger logger, string stage, string url, int attempt, string contentType);

    [LoggerMessage(EventId = 7014, Level = LogLevel.Warning, Message = "{Stage}: {Url} attempt {Attempt}: no %%EOF near the end of the file; it may be truncated")]
    public static partial void NoEofMarker(ILogger logger, string stage, string url, int attempt);

    [LoggerMessage(EventId = 7020, Level = LogLevel.Information, Message = "{Stage}: {Url} fetched after {Attempt} attempts: {Bytes} bytes, sha256 {Sha256}, duplicate {Duplicate}")]
    public static partial void Fetched(ILogger logger, string stage, string url, int attempt, long bytes, string sha256, bool duplicate);

    [LoggerMessage(EventId = 7021, Level = LogLevel.Warning, Message = "{Stage}: {Url} failed after {Attempt} attempts: {Error} (HTTP {HttpStatus})")]
    public static partial void Failed(ILogger logger, string stage, string url, int attempt, string error, int? httpStatus);

    [LoggerMessage(EventId = 7022, Level = LogLevel.Debug, Message = "{Stage}: {Url} already fetched as {Path}; skipped (attempt {Attempt})")]
    public static partial void AlreadyPresent(ILogger logger, string stage, string url, int attempt, string path);

    [LoggerMessage(EventId = 7023, Level = LogLevel.Information, Message = "{Stage}: {Url} was fetched before but {Path} is missing or altered; fetching again (attempt {Attempt})")]
    public static partial void StoredFileInvalid(ILogger logger, string stage, string url, int attempt, string path);

    [LoggerMessage(EventId = 7024, Level = LogLevel.Information, Message = "{Stage}: {Url} canceled during attempt {Attempt}; left pending")]
    public static partial void Canceled(ILogger logger, string stage, string url, int attempt);

    [LoggerMessage(EventId = 7030, Level = LogLevel.Warning, Message = "{Stage}: circuit for host {Host} opened for {BreakDuration} (last URL {Url}, attempt {Attempt})")]
    public static partial void CircuitOpened(ILogger logger, string stage, string host, TimeSpan breakDuration, string url, int attempt);

    [LoggerMessage(EventId = 7031, Level = LogLevel.Information, Message = "{Stage}: circuit for host {Host} closed (URL {Url}, attempt {Attempt})")]
    public static partial void CircuitClosed(ILogger logger, string stage, string host, string url, int attempt);
}
