namespace Ingest.Fetch;

/// <summary>
/// Settings of one fetch run. Every property has a documented default suited to polite crawling of
/// government sites; tests shrink the delays. Call <see cref="Validate"/> before use (the
/// <see cref="Fetcher"/> constructor does).
/// </summary>
internal sealed class FetchOptions
{
    /// <summary>The two schemes that may be fetched; anything else (ftp, file, data, …) fails as <c>unsupported_scheme</c>.</summary>
    public static IReadOnlySet<string> AllowedSchemes { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https" };

    /// <summary>Directory for the content-addressed files (<c>&lt;sha256&gt;.pdf</c>) and temporary downloads. Default <c>fetched</c>.</summary>
    public string OutputDirectory { get; set; } = "fetched";

    /// <summary>URLs in flight at once over all hosts. Default 4.</summary>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>Requests in flight at once against one host (host:port). Default 2.</summary>
    public int PerHostConcurrency { get; set; } = 2;

    /// <summary>Request rate against one host, in requests per second (every attempt counts). 0 = unlimited. Default 2.</summary>
    public double PerHostRequestsPerSecond { get; set; } = 2;

    /// <summary>
    /// Per-attempt timeout: the longest wait for a response (connect, redirects, headers) and the longest pause between
    /// two chunks of the body. A slow but steady download is bounded by <see cref="TotalTimeout"/> instead. Default 30 s.
    /// </summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Time for one URL over all attempts and waits. Default 5 min.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>TCP connect timeout of the default handler. Default 15 s.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Retries after the first attempt for transient failures. 0 = no retry. Default 5.</summary>
    public int MaxRetries { get; set; } = 5;

    /// <summary>Base of the exponential back-off (with jitter): about base, 2×base, 4×base, … Default 1 s.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Cap of one back-off delay. Default 30 s.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Cap of a server's Retry-After (delta or date) that is honoured. Default 2 min.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Circuit breaker per host: share of failed attempts in the sampling window that opens it. Default 0.5.</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Circuit breaker per host: attempts in the window before the ratio is considered (at least 2). Default 10.</summary>
    public int BreakerMinimumThroughput { get; set; } = 10;

    /// <summary>Circuit breaker per host: sampling window (at least 0.5 s). Default 60 s.</summary>
    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Circuit breaker per host: how long it stays open (at least 0.5 s). Default 30 s.</summary>
    public TimeSpan BreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest accepted body, checked against Content-Length up front and while streaming. Default 200 MB.</summary>
    public long MaxBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>Redirects followed per attempt. Default 5.</summary>
    public int MaxRedirects { get; set; } = 5;

    /// <summary>User-Agent header sent with every request.</summary>
    public string UserAgent { get; set; } = "Ingest/0.1 (budget-disclosure archiver)";

    /// <summary>
    /// On resume, re-hash files of URLs already fetched (true, default) or only compare their size (false, faster
    /// for very large stores).
    /// </summary>
    public bool VerifyExistingFiles { get; set; } = true;

    /// <summary>Throws <see cref="ArgumentException"/> listing every invalid setting.</summary>
    public void Validate()
    {
        var problems = new List<string>();
        void Check(bool ok, string message)
        {
            if (!ok)
            {
                problems.Add(message);
            }
        }

        var minPolly = TimeSpan.FromMilliseconds(10);
        var maxPolly = TimeSpan.FromHours(24);
        Check(!string.IsNullOrWhiteSpace(OutputDirectory), "OutputDirectory is empty");
        Check(MaxConcurrency >= 1, "MaxConcurrency must be at least 1");
        Check(PerHostConcurrency >= 1, "PerHostConcurrency must be at least 1");
        Check(PerHostRequestsPerSecond >= 0 && double.IsFinite(PerHostRequestsPerSecond), "PerHostRequestsPerSecond must be 0 (unlimited) or positive");
        Check(AttemptTimeout > minPolly && AttemptTimeout < maxPolly, "AttemptTimeout must be between 10 ms and 24 h");
        Check(TotalTimeout >= AttemptTimeout, "TotalTimeout must be at least AttemptTimeout");
        Check(ConnectTimeout > TimeSpan.Zero, "ConnectTimeout must be positive");
        Check(MaxRetries >= 0 && MaxRetries <= 100, "MaxRetries must be between 0 and 100");
        Check(RetryBaseDelay >= TimeSpan.Zero && RetryBaseDelay <= TimeSpan.FromHours(1), "RetryBaseDelay must be between 0 and 1 h");
        Check(RetryMaxDelay >= RetryBaseDelay, "RetryMaxDelay must be at least RetryBaseDelay");
        Check(MaxRetryAfter >= TimeSpan.Zero, "MaxRetryAfter must not be negative");
        Check(BreakerFailureRatio > 0 && BreakerFailureRatio <= 1, "BreakerFailureRatio must be in (0, 1]");
        Check(BreakerMinimumThroughput >= 2, "BreakerMinimumThroughput must be at least 2");
        Check(BreakerSamplingDuration >= TimeSpan.FromMilliseconds(500) && BreakerSamplingDuration < maxPolly, "BreakerSamplingDuration must be between 0.5 s and 24 h");
        Check(BreakerBreakDuration >= TimeSpan.FromMilliseconds(500) && BreakerBreakDuration < maxPolly, "BreakerBreakDuration must be between 0.5 s and 24 h");
        Check(MaxBytes >= 1, "MaxBytes must be positive");
        Check(MaxRedirects >= 0 && MaxRedirects <= 50, "MaxRedirects must be between 0 and 50");
        Check(!string.IsNullOrWhiteSpace(UserAgent) && UserAgent.All(c => c >= ' ' && c < 127), "UserAgent must be non-empty printable ASCII");

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid fetch options: " + string.Join("; ", problems));
        }
    }
}
