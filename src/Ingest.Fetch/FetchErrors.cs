using Ingest.Core.Pipeline;

namespace Ingest.Fetch;

/// <summary>
/// Failure reason codes. <see cref="FetchEntry.LastError"/> is <c>"code: detail"</c>; <see cref="ReasonOf"/> extracts the code.
/// </summary>
internal static class FetchErrors
{
    /// <summary>Not an absolute URL.</summary>
    public const string InvalidUrl = "invalid_url";

    /// <summary>Scheme other than http/https (also as a redirect target).</summary>
    public const string UnsupportedScheme = "unsupported_scheme";

    /// <summary>A redirect led back to a URL already visited in the same attempt.</summary>
    public const string RedirectLoop = "redirect_loop";

    /// <summary>More redirects than <see cref="FetchOptions.MaxRedirects"/>.</summary>
    public const string TooManyRedirects = "too_many_redirects";

    /// <summary>A 3xx without a usable Location header.</summary>
    public const string BadRedirect = "bad_redirect";

    /// <summary>Content-Length or the streamed body above <see cref="FetchOptions.MaxBytes"/>.</summary>
    public const string TooLarge = "too_large";

    /// <summary>The body does not start with <c>%PDF-</c> (an HTML error page, an empty body, …).</summary>
    public const string NotPdf = "not_pdf";

    /// <summary>Fewer bytes than Content-Length claimed (connection closed early). Transient.</summary>
    public const string Truncated = "truncated";

    /// <summary>Connect failure, reset, DNS, TLS … Transient.</summary>
    public const string ConnectionError = "connection_error";

    /// <summary>Name resolution failed (retried: resolvers have bad moments).</summary>
    public const string DnsError = "dns_error";

    /// <summary>The TLS handshake failed (certificate invalid, protocol mismatch). Not retried.</summary>
    public const string TlsError = "tls_error";

    /// <summary>The per-host rate limiter refused (its queue is unbounded, so this should not happen).</summary>
    public const string RateLimited = "rate_limited";

    /// <summary>No response, or a pause in the body, longer than <see cref="FetchOptions.AttemptTimeout"/>. Transient.</summary>
    public const string Timeout = "timeout";

    /// <summary>The URL exceeded <see cref="FetchOptions.TotalTimeout"/>.</summary>
    public const string TotalTimeout = "total_timeout";

    /// <summary>The host's circuit breaker was open; a rerun retries the URL.</summary>
    public const string CircuitOpen = "circuit_open";

    /// <summary>Writing the local file failed (disk full, permissions).</summary>
    public const string StorageError = "storage_error";

    /// <summary>Code for an HTTP status that ended the URL, e.g. <c>http_404</c>, <c>http_503</c>.</summary>
    public static string Http(int status) => "http_" + status.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The reason code of a failed entry (the part of <see cref="FetchEntry.LastError"/> before the first colon).</summary>
    public static string? ReasonOf(FetchEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.LastError is not { Length: > 0 } error)
        {
            return null;
        }

        int colon = error.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? error : error[..colon];
    }

    internal static string Format(string code, string? detail) =>
        string.IsNullOrEmpty(detail) ? code : code + ": " + detail;
}
