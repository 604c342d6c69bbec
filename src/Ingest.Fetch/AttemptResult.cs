namespace Ingest.Fetch;

internal enum AttemptKind
{
    Success,
    Transient,
    Permanent,
}

/// <summary>
/// What one attempt (request, redirects, whole body, verification) produced. The resilience pipeline is typed on this
/// rather than on <see cref="HttpResponseMessage"/> because the unit that must be retried, timed out and counted by the
/// circuit breaker is the complete download: a reset in the middle of the body has to be retried like a 503.
/// </summary>
internal sealed class AttemptResult
{
    private AttemptResult(AttemptKind kind, string reason, string? detail, int? httpStatus)
    {
        Kind = kind;
        Reason = reason;
        Detail = detail;
        HttpStatus = httpStatus;
    }

    public AttemptKind Kind { get; }

    /// <summary>A <see cref="FetchErrors"/> code, or "ok".</summary>
    public string Reason { get; }

    public string? Detail { get; }

    public int? HttpStatus { get; }

    /// <summary>Server's Retry-After (delta, or date minus now), when a transient status carried one.</summary>
    public TimeSpan? RetryAfter { get; private init; }

    /// <summary>Verified download waiting to be moved into place (success only).</summary>
    public string? TempPath { get; private init; }

    public string? Sha256 { get; private init; }

    public long Bytes { get; private init; }

    public static AttemptResult Success(string tempPath, string sha256, long bytes, int httpStatus) =>
        new(AttemptKind.Success, "ok", null, httpStatus) { TempPath = tempPath, Sha256 = sha256, Bytes = bytes };

    public static AttemptResult Transient(string reason, string? detail, int? httpStatus, TimeSpan? retryAfter = null) =>
        new(AttemptKind.Transient, reason, detail, httpStatus) { RetryAfter = retryAfter };

    public static AttemptResult Permanent(string reason, string? detail, int? httpStatus) =>
        new(AttemptKind.Permanent, reason, detail, httpStatus);

    public override string ToString() => FetchErrors.Format(Reason, Detail);
}

/// <summary>Writing the local file failed; not a network problem, so not retried.</summary>
internal sealed class LocalStorageException : Exception
{
    public LocalStorageException()
    {
    }

    public LocalStorageException(string message)
        : base(message)
    {
    }

    public LocalStorageException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
