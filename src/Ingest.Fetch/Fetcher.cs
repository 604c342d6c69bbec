using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Ingest.Core.Pipeline;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Registry;
using Polly.Retry;
using Polly.Timeout;

namespace Ingest.Fetch;

/// <summary>
/// The fetch stage: downloads PDFs from a list of URLs into a content-addressed directory
/// (<c>&lt;out&gt;/&lt;sha256&gt;.pdf</c>), recording the state of every URL in an <see cref="IFetchStateStore"/> so that a
/// rerun only fetches what is missing or failed.
/// <para>
/// Resilience per host (host:port), as one cached Polly pipeline each, outermost first: retry with exponential back-off
/// and jitter (honouring Retry-After) → circuit breaker → concurrency limit → rate limit → the attempt. Inside the
/// attempt a Polly timeout bounds the wait for the response (redirects included) and the same limit bounds every pause
/// in the body, so a large file arriving slowly but steadily is not cut off. The whole URL is bounded by
/// <see cref="FetchOptions.TotalTimeout"/> and the run by <see cref="FetchOptions.MaxConcurrency"/>.
/// </para>
/// <para>One run per output directory at a time (a lock file enforces it). The store is only called from one thread at a time.</para>
/// </summary>
internal sealed class Fetcher : IDisposable
{
    internal const string TempPrefix = ".fetch-";
    internal const string TempSuffix = ".part";
    internal const string LockFileName = ".fetch.lock";
    private const int BufferSize = 81920;
    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly ResiliencePropertyKey<UrlJob> JobKey = new("ingest.fetch.job");

    private readonly FetchOptions _options;
    private readonly IFetchStateStore _store;
    private readonly ILogger<Fetcher> _logger;
    private readonly HttpClient _client;
    private readonly ResiliencePipelineRegistry<string> _pipelines = new();
    private readonly ResiliencePipeline _responseTimeout;
    private readonly Lock _storeLock = new();
    private readonly Lock _placeLock = new();
    private readonly string _outDir;

    /// <param name="options">Validated here.</param>
    /// <param name="store">Durable state; written after every URL (and when a URL starts).</param>
    /// <param name="logger">Events carry Stage, Url and Attempt.</param>
    /// <param name="handler">
    /// HTTP handler to use (not disposed by the fetcher); null = <see cref="CreateHandler"/>. Automatic redirects must be
    /// off: the fetcher follows redirects itself to enforce the limit and the scheme check and to detect loops.
    /// </param>
    public Fetcher(FetchOptions options, IFetchStateStore store, ILogger<Fetcher> logger, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(logger);
        options.Validate();
        if (handler is SocketsHttpHandler { AllowAutoRedirect: true } or HttpClientHandler { AllowAutoRedirect: true })
        {
            throw new ArgumentException("The handler must not follow redirects itself (AllowAutoRedirect = false).", nameof(handler));
        }

        _options = options;
        _store = store;
        _logger = logger;
        _outDir = Path.GetFullPath(options.OutputDirectory);
        _responseTimeout = new ResiliencePipelineBuilder().AddTimeout(options.AttemptTimeout).Build();
        _client = handler is null ? new HttpClient(CreateHandler(options), disposeHandler: true) : new HttpClient(handler, disposeHandler: false);
        _client.Timeout = Timeout.InfiniteTimeSpan; // timeouts are the pipeline's job
        _client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", options.UserAgent);
        _client.DefaultRequestHeaders.TryAddWithoutValidation("Accept", "application/pdf,application/octet-stream;q=0.9,*/*;q=0.5");
    }

    /// <summary>The default handler: no automatic redirects, decompression on, connect timeout and connection limit from the options.</summary>
    public static SocketsHttpHandler CreateHandler(FetchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            ConnectTimeout = options.ConnectTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            MaxConnectionsPerServer = Math.Max(options.PerHostConcurrency, 1),
        };
    }

    /// <summary>The full path of the output directory.</summary>
    public string OutputDirectory => _outDir;

    /// <summary>
    /// Fetches every distinct URL once (or skips it when an earlier run stored it intact). Each URL ends Fetched or
    /// Failed in the store. On cancellation, URLs in flight are set back to Pending, their temporary files are removed
    /// and <see cref="OperationCanceledException"/> is thrown; a rerun continues.
    /// </summary>
    public async Task<FetchSummary> FetchAsync(IEnumerable<FetchRequest> requests, IProgress<FetchProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var watch = Stopwatch.StartNew();
        var items = Distinct(requests);
        Directory.CreateDirectory(_outDir);
        using var runLock = AcquireRunLock();
        RemoveTempFiles();
        FetchLog.RunStarting(_logger, FetchLog.Stage, items.Count, _outDir);

        var results = new (FetchOutcome Outcome, FetchEntry Entry)[items.Count];
        int completed = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrency, CancellationToken = cancellationToken };
        try
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, items.Count), parallel, async (i, ct) =>
            {
                var result = await ProcessAsync(items[i], ct).ConfigureAwait(false);
                results[i] = result;
                int done = Interlocked.Increment(ref completed);
                progress?.Report(new FetchProgress(done, items.Count, result.Outcome, result.Entry.Clone()));
            }).ConfigureAwait(false);
        }
        finally
        {
            RemoveTempFiles();
        }

        var failures = results.Where(r => r.Outcome == FetchOutcome.Failed)
            .GroupBy(r => FetchErrors.ReasonOf(r.Entry) ?? "unknown", StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var summary = new FetchSummary
        {
            Total = items.Count,
            Downloaded = results.Count(r => r.Outcome == FetchOutcome.Downloaded),
            Deduplicated = results.Count(r => r.Outcome == FetchOutcome.Deduplicated),
            AlreadyPresent = results.Count(r => r.Outcome == FetchOutcome.AlreadyPresent),
            Failed = results.Count(r => r.Outcome == FetchOutcome.Failed),
            FailureReasons = failures,
            Entries = results.Select(r => r.Entry).ToList(),
            Elapsed = watch.Elapsed,
        };
        FetchLog.RunDone(_logger, FetchLog.Stage, summary.Elapsed, summary.Downloaded, summary.Deduplicated, summary.AlreadyPresent, summary.Failed);
        return summary;
    }

    public void Dispose()
    {
        _client.Dispose();
        _pipelines.Dispose();
    }

    /// <summary>Delay from a Retry-After header: the delta, or the date minus <paramref name="now"/> (never negative).</summary>
    internal static TimeSpan? ParseRetryAfter(RetryConditionHeaderValue? header, DateTimeOffset now)
    {
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    /// <summary>Resolves a raw Location header against the URL that answered (absolute, scheme-relative or relative).</summary>
    internal static Uri? ResolveLocation(Uri current, string? location)
    {
        if (string.IsNullOrWhiteSpace(location))
        {
            return null;
        }

        location = location.Trim();
        if (UrlNormalizer.TryNormalize(location, out var absolute, out _))
        {
            return absolute;
        }

        // Relative reference ("/path", "file.pdf", "//host/path"): resolved explicitly, because on Unix a bare "/path"
        // would otherwise parse as an absolute file URL.
        return Uri.TryCreate(current, location, out var resolved) ? resolved : null;
    }

    private static List<Item> Distinct(IEnumerable<FetchRequest> requests)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var items = new List<Item>();
        foreach (var request in requests)
        {
            ArgumentNullException.ThrowIfNull(request);
            Uri? uri = UrlNormalizer.TryNormalize(request.Url, out var parsed, out var canonical) ? parsed : null;
            var key = uri is null ? (request.Url ?? "").Trim() : canonical;
            if (seen.Add(key))
            {
                items.Add(new Item(key, uri, request.Metadata));
            }
        }

        return items;
    }

    private async Task<(FetchOutcome Outcome, FetchEntry Entry)> ProcessAsync(Item item, CancellationToken ct)
    {
        var url = item.Url;
        using var scope = _logger.BeginScope(new Dictionary<string, object> { ["Stage"] = FetchLog.Stage, ["Url"] = url });

        var existing = Get(url);
        var metadata = new Dictionary<string, string>(existing?.Metadata ?? [], StringComparer.Ordinal);
        foreach (var (key, value) in item.Metadata)
        {
            metadata[key] = value;
        }

        if (existing is { Status: FetchStatus.Fetched, Path: { } storedPath })
        {
            if (await IsIntactAsync(existing, ct).ConfigureAwait(false))
            {
                if (!SameMetadata(existing.Metadata, metadata))
                {
                    existing.Metadata = metadata;
                    existing.UpdatedAt = DateTimeOffset.UtcNow;
                    Put(existing);
                }

                FetchLog.AlreadyPresent(_logger, FetchLog.Stage, url, 0, storedPath);
                return (FetchOutcome.AlreadyPresent, existing);
            }

            FetchLog.StoredFileInvalid(_logger, FetchLog.Stage, url, 0, storedPath);
        }

        var entry = new FetchEntry { Url = url, Status = FetchStatus.Pending, Metadata = metadata, UpdatedAt = DateTimeOffset.UtcNow };
        if (item.Uri is null)
        {
            return Fail(entry, 0, FetchErrors.InvalidUrl, "not an absolute URL", null);
        }

        if (!UrlNormalizer.IsAllowedScheme(item.Uri))
        {
            return Fail(entry, 0, FetchErrors.UnsupportedScheme, "scheme " + item.Uri.Scheme + " (only http and https)", null);
        }

        Put(entry);
        var job = new UrlJob(url, item.Uri);
        var pipeline = _pipelines.GetOrAddPipeline<AttemptResult>(UrlNormalizer.HostKey(item.Uri), ConfigurePipeline);
        using var total = CancellationTokenSource.CreateLinkedTokenSource(ct);
        total.CancelAfter(_options.TotalTimeout);
        var context = ResilienceContextPool.Shared.Get(total.Token);
        context.Properties.Set(JobKey, job);
        AttemptResult? result = null;
        try
        {
            result = await pipeline.ExecuteAsync(static (ctx, self) => self.AttemptAsync(ctx), context, this).ConfigureAwait(false);
            if (result.Kind != AttemptKind.Success)
            {
                return Fail(entry, job.Attempts, result.Reason, result.Detail, result.HttpStatus);
            }

            bool duplicate = Place(result, out var finalPath);
            entry.Status = FetchStatus.Fetched;
            entry.Sha256 = result.Sha256;
            entry.Path = finalPath;
            entry.Bytes = result.Bytes;
            entry.Attempts = job.Attempts;
            entry.HttpStatus = result.HttpStatus;
            entry.LastError = null;
            entry.UpdatedAt = DateTimeOffset.UtcNow;
            Put(entry);
            FetchLog.Fetched(_logger, FetchLog.Stage, url, job.Attempts, result.Bytes, result.Sha256!, duplicate);
            return (duplicate ? FetchOutcome.Deduplicated : FetchOutcome.Downloaded, entry);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            entry.Attempts = job.Attempts;
            entry.UpdatedAt = DateTimeOffset.UtcNow;
            Put(entry);
            FetchLog.Canceled(_logger, FetchLog.Stage, url, job.Attempts);
            throw;
        }
        catch (Exception ex) when (Classify(ex, total.IsCancellationRequested) is { } reason)
        {
            return Fail(entry, job.Attempts, reason, OneLine(ex), null);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
            if (result?.TempPath is { } temp)
            {
                TryDelete(temp); // no-op once moved into place
            }
        }
    }

    private static string? Classify(Exception ex, bool totalTimedOut) => ex switch
    {
        OperationCanceledException when totalTimedOut => FetchErrors.TotalTimeout,
        TimeoutRejectedException => FetchErrors.Timeout,
        BrokenCircuitException => FetchErrors.CircuitOpen,
        RateLimiterRejectedException => FetchErrors.RateLimited,
        HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } => FetchErrors.TlsError,
        HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } => FetchErrors.DnsError,
        HttpIOException { HttpRequestError: HttpRequestError.ResponseEnded } => FetchErrors.Truncated,
        HttpRequestException or IOException => FetchErrors.ConnectionError,
        LocalStorageException => FetchErrors.StorageError,
        _ => null,
    };

    private static bool IsTransient(Outcome<AttemptResult> outcome) => outcome.Exception switch
    {
        null => outcome.Result is { Kind: AttemptKind.Transient },
        HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } => false, // a bad certificate stays bad
        TimeoutRejectedException or HttpRequestException or IOException => true,
        _ => false,
    };

    private static string Describe(Outcome<AttemptResult> outcome) => outcome.Exception switch
    {
        null => outcome.Result?.ToString() ?? "no result",
        TimeoutRejectedException => FetchErrors.Timeout,
        HttpIOException { HttpRequestError: HttpRequestError.ResponseEnded } e => FetchErrors.Format(FetchErrors.Truncated, OneLine(e)),
        var e => FetchErrors.Format(FetchErrors.ConnectionError, OneLine(e)),
    };

    private void ConfigurePipeline(ResiliencePipelineBuilder<AttemptResult> builder, ConfigureBuilderContext<string> context)
    {
        var o = _options;
        var host = context.PipelineKey;
        if (o.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<AttemptResult>
            {
                MaxRetryAttempts = o.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = o.RetryBaseDelay,
                MaxDelay = o.RetryMaxDelay,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Result?.RetryAfter is { } wait ? (TimeSpan?)(wait > o.MaxRetryAfter ? o.MaxRetryAfter : wait) : null),
                OnRetry = args =>
                {
                    var job = args.Context.Properties.GetValue(JobKey, null!);
                    FetchLog.Retrying(_logger, FetchLog.Stage, job.Url, job.Attempts, Describe(args.Outcome), args.RetryDelay);
                    return default;
                },
            });
        }

        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<AttemptResult>
        {
            FailureRatio = o.BreakerFailureRatio,
            MinimumThroughput = o.BreakerMinimumThroughput,
            SamplingDuration = o.BreakerSamplingDuration,
            BreakDuration = o.BreakerBreakDuration,
            ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
            OnOpened = args =>
            {
                var job = args.Context.Properties.GetValue(JobKey, null!);
                FetchLog.CircuitOpened(_logger, FetchLog.Stage, host, args.BreakDuration, job?.Url ?? "", job?.Attempts ?? 0);
                return default;
            },
            OnClosed = args =>
            {
                var job = args.Context.Properties.GetValue(JobKey, null!);
                FetchLog.CircuitClosed(_logger, FetchLog.Stage, host, job?.Url ?? "", job?.Attempts ?? 0);
                return default;
            },
        });

        builder.AddConcurrencyLimiter(o.PerHostConcurrency, int.MaxValue);
        if (o.PerHostRequestsPerSecond > 0)
        {
            var limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = 1,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond, (long)(TimeSpan.TicksPerSecond / o.PerHostRequestsPerSecond))),
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            });
            builder.AddRateLimiter(limiter);
            context.OnPipelineDisposed(limiter.Dispose);
        }
    }

    /// <summary>
    /// One attempt: the response (following redirects) within <see cref="FetchOptions.AttemptTimeout"/>, status and size
    /// checks, then the body streamed and verified into a temp file, failing if it pauses longer than the same timeout.
    /// </summary>
    private async ValueTask<AttemptResult> AttemptAsync(ResilienceContext context)
    {
        var job = context.Properties.GetValue(JobKey, null!);
        var ct = context.CancellationToken;
        int attempt = Interlocked.Increment(ref job.Attempts);
        FetchLog.AttemptStarting(_logger, FetchLog.Stage, job.Url, attempt);

        var (response, early) = await _responseTimeout.ExecuteAsync(
            static (state, token) => state.Self.GetResponseAsync(state.Job, state.Attempt, token),
            (Self: this, Job: job, Attempt: attempt),
            ct).ConfigureAwait(false);
        if (early is not null)
        {
            return early;
        }

        using (response)
        {
            int status = (int)response!.StatusCode;
            if (status is 408 or 429 || status >= 500)
            {
                return AttemptResult.Transient(FetchErrors.Http(status), response.ReasonPhrase, status, ParseRetryAfter(response.Headers.RetryAfter, DateTimeOffset.UtcNow));
            }

            if (status is < 200 or >= 300)
            {
                return AttemptResult.Permanent(FetchErrors.Http(status), response.ReasonPhrase, status);
            }

            if (response.Content.Headers.ContentLength is long claimed && claimed > _options.MaxBytes)
            {
                // Disposing the unread response closes the connection: nothing of the body is downloaded.
                return AttemptResult.Permanent(FetchErrors.TooLarge, $"Content-Length {claimed} above the cap of {_options.MaxBytes} bytes", status);
            }

            return await DownloadAsync(job, attempt, response, status, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Sends the request and follows redirects itself: scheme check, loop detection, redirect limit.</summary>
    private async ValueTask<(HttpResponseMessage? Response, AttemptResult? Early)> GetResponseAsync(UrlJob job, int attempt, CancellationToken ct)
    {
        var uri = job.Uri;
        var visited = new HashSet<string>(StringComparer.Ordinal) { uri.AbsoluteUri };
        for (int redirects = 0; ; redirects++)
        {
            HttpResponseMessage response;
            using (var request = new HttpRequestMessage(HttpMethod.Get, uri))
            {
                response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
            }

            int code = (int)response.StatusCode;
            if (code is not (301 or 302 or 303 or 307 or 308))
            {
                return (response, null);
            }

            var raw = response.Headers.NonValidated.TryGetValues("Location", out var values) ? values.FirstOrDefault() : null;
            response.Dispose();
            var next = ResolveLocation(uri, raw);
            if (next is null)
            {
                return (null, AttemptResult.Permanent(FetchErrors.BadRedirect, $"{code} with Location '{raw}'", code));
            }

            if (!UrlNormalizer.IsAllowedScheme(next))
            {
                return (null, AttemptResult.Permanent(FetchErrors.UnsupportedScheme, "redirect to " + next.Scheme + " URL " + next, code));
            }

            if (!visited.Add(next.AbsoluteUri))
            {
                return (null, AttemptResult.Permanent(FetchErrors.RedirectLoop, $"{next} visited twice after {redirects + 1} redirects", code));
            }

            if (redirects + 1 > _options.MaxRedirects)
            {
                return (null, AttemptResult.Permanent(FetchErrors.TooManyRedirects, $"more than {_options.MaxRedirects} redirects", code));
            }

            FetchLog.Redirected(_logger, FetchLog.Stage, job.Url, attempt, code, next.AbsoluteUri);
            uri = next;
        }
    }

    private async Task<AttemptResult> DownloadAsync(UrlJob job, int attempt, HttpResponseMessage response, int status, CancellationToken ct)
    {
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        long? claimed = response.Content.Headers.ContentLength;
        var temp = Path.Combine(_outDir, TempPrefix + Guid.NewGuid().ToString("N") + TempSuffix);
        bool keep = false;
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var head = new byte[PdfMagic.Length];
            int headLength = 0;
            long total = 0;
            using var idle = CancellationTokenSource.CreateLinkedTokenSource(ct);
            idle.CancelAfter(_options.AttemptTimeout);
            var body = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                var file = OpenTemp(temp);
                await using (file.ConfigureAwait(false))
                {
                    while (true)
                    {
                        int n = await ReadAsync(body, buffer, idle, ct).ConfigureAwait(false);
                        if (n == 0)
                        {
                            break;
                        }

                        total += n;
                        if (total > _options.MaxBytes)
                        {
                            return AttemptResult.Permanent(FetchErrors.TooLarge, $"body passed the cap of {_options.MaxBytes} bytes", status);
                        }

                        if (headLength < head.Length)
                        {
                            int take = Math.Min(head.Length - headLength, n);
                            Array.Copy(buffer, 0, head, headLength, take);
                            headLength += take;
                            if (headLength == head.Length && !head.AsSpan().SequenceEqual(PdfMagic))
                            {
                                return AttemptResult.Permanent(FetchErrors.NotPdf, DescribeNotPdf(mediaType, buffer.AsSpan(0, n)), status);
                            }
                        }

                        hash.AppendData(buffer, 0, n);
                        await WriteAsync(file, buffer.AsMemory(0, n), ct).ConfigureAwait(false);
                    }

                    if (headLength < head.Length)
                    {
                        return AttemptResult.Permanent(FetchErrors.NotPdf, total == 0 ? "empty body" : DescribeNotPdf(mediaType, head.AsSpan(0, headLength)), status);
                    }

                    if (claimed is long expected && total != expected)
                    {
                        return AttemptResult.Transient(FetchErrors.Truncated, $"{total} of {expected} bytes", status);
                    }

                    await FlushAsync(file, ct).ConfigureAwait(false);
                }
            }

            if (mediaType is not null && !IsPdfMediaType(mediaType))
            {
                FetchLog.ContentTypeMismatch(_logger, FetchLog.Stage, job.Url, attempt, mediaType);
            }

            if (!HasEofMarker(temp))
            {
                FetchLog.NoEofMarker(_logger, FetchLog.Stage, job.Url, attempt);
            }

            keep = true;
            return AttemptResult.Success(temp, Convert.ToHexStringLower(hash.GetHashAndReset()), total, status);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            if (!keep)
            {
                TryDelete(temp);
            }
        }
    }

    /// <summary>Reads a chunk; a pause longer than the attempt timeout is a <see cref="TimeoutRejectedException"/> (retried like a slow response).</summary>
    private async ValueTask<int> ReadAsync(Stream body, byte[] buffer, CancellationTokenSource idle, CancellationToken ct)
    {
        try
        {
            int n = await body.ReadAsync(buffer.AsMemory(0, BufferSize), idle.Token).ConfigureAwait(false);
            idle.CancelAfter(_options.AttemptTimeout);
            return n;
        }
        catch (OperationCanceledException ex) when (idle.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            throw new TimeoutRejectedException($"no data for {_options.AttemptTimeout.TotalSeconds:0.###} s", _options.AttemptTimeout, ex);
        }
    }

    private static bool IsPdfMediaType(string mediaType) =>
        mediaType.Equals("application/pdf", StringComparison.OrdinalIgnoreCase) ||
        mediaType.Equals("application/x-pdf", StringComparison.OrdinalIgnoreCase) ||
        mediaType.EndsWith("/octet-stream", StringComparison.OrdinalIgnoreCase) ||
        mediaType.Contains("download", StringComparison.OrdinalIgnoreCase);

    private static string DescribeNotPdf(string? mediaType, ReadOnlySpan<byte> start)
    {
        var text = new StringBuilder();
        foreach (var b in start[..Math.Min(start.Length, 16)])
        {
            text.Append(b is >= 0x20 and < 0x7f ? (char)b : '.');
        }

        return $"Content-Type {mediaType ?? "(none)"}, body starts with \"{text}\"";
    }

    private static bool HasEofMarker(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        int length = (int)Math.Min(file.Length, 1024);
        file.Seek(-length, SeekOrigin.End);
        var tail = new byte[length];
        file.ReadExactly(tail);
        return tail.AsSpan().IndexOf("%%EOF"u8) >= 0;
    }

    private static FileStream OpenTemp(string path)
    {
        try
        {
            return new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous);
        }
        catch (IOException ex)
        {
            throw new LocalStorageException("cannot create " + path + ": " + ex.Message, ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new LocalStorageException("cannot create " + path + ": " + ex.Message, ex);
        }
    }

    private static async ValueTask WriteAsync(FileStream file, ReadOnlyMemory<byte> data, CancellationToken ct)
    {
        try
        {
            await file.WriteAsync(data, ct).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            throw new LocalStorageException("cannot write " + file.Name + ": " + ex.Message, ex);
        }
    }

    private static async ValueTask FlushAsync(FileStream file, CancellationToken ct)
    {
        try
        {
            await file.FlushAsync(ct).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            throw new LocalStorageException("cannot write " + file.Name + ": " + ex.Message, ex);
        }
    }

    /// <summary>Moves a verified download to <c>&lt;sha256&gt;.pdf</c>; true when an intact file with those bytes was already there.</summary>
    private bool Place(AttemptResult result, out string finalPath)
    {
        finalPath = Path.Combine(_outDir, result.Sha256 + ".pdf");
        try
        {
            lock (_placeLock)
            {
                if (File.Exists(finalPath) && FileMatches(finalPath, result.Bytes, result.Sha256!, verifyHash: true))
                {
                    File.Delete(result.TempPath!);
                    return true;
                }

                File.Move(result.TempPath!, finalPath, overwrite: true);
                return false;
            }
        }
        catch (IOException ex)
        {
            throw new LocalStorageException("cannot store " + finalPath + ": " + ex.Message, ex);
        }
    }

    private async Task<bool> IsIntactAsync(FetchEntry entry, CancellationToken ct)
    {
        if (entry.Path is null || entry.Sha256 is null || entry.Bytes is null || !File.Exists(entry.Path))
        {
            return false;
        }

        var info = new FileInfo(entry.Path);
        if (info.Length != entry.Bytes)
        {
            return false;
        }

        if (!_options.VerifyExistingFiles)
        {
            return true;
        }

        try
        {
            var stream = new FileStream(entry.Path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous);
            await using (stream.ConfigureAwait(false))
            {
                var hash = await SHA256.HashDataAsync(stream, ct).ConfigureAwait(false);
                return Convert.ToHexStringLower(hash).Equals(entry.Sha256, StringComparison.OrdinalIgnoreCase);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false; // unreadable counts as missing: fetch again
        }
    }

    private static bool FileMatches(string path, long bytes, string sha256, bool verifyHash)
    {
        if (new FileInfo(path).Length != bytes)
        {
            return false;
        }

        if (!verifyHash)
        {
            return true;
        }

        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream)).Equals(sha256, StringComparison.OrdinalIgnoreCase);
    }

    private (FetchOutcome, FetchEntry) Fail(FetchEntry entry, int attempts, string reason, string? detail, int? httpStatus)
    {
        entry.Status = FetchStatus.Failed;
        entry.Sha256 = null;
        entry.Path = null;
        entry.Bytes = null;
        entry.Attempts = attempts;
        entry.LastError = FetchErrors.Format(reason, detail);
        entry.HttpStatus = httpStatus;
        entry.UpdatedAt = DateTimeOffset.UtcNow;
        Put(entry);
        FetchLog.Failed(_logger, FetchLog.Stage, entry.Url, attempts, entry.LastError, httpStatus);
        return (FetchOutcome.Failed, entry);
    }

    private FetchEntry? Get(string url)
    {
        lock (_storeLock)
        {
            return _store.GetFetch(url);
        }
    }

    private void Put(FetchEntry entry)
    {
        lock (_storeLock)
        {
            _store.PutFetch(entry.Clone());
        }
    }

    private static bool SameMetadata(Dictionary<string, string> a, Dictionary<string, string> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var v) && v == kv.Value);

    private FileStream AcquireRunLock()
    {
        var path = Path.Combine(_outDir, LockFileName);
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex)
        {
            throw new InvalidOperationException("Another fetch run is using " + _outDir + " (" + path + " is locked).", ex);
        }
    }

    private void RemoveTempFiles()
    {
        int removed = 0;
        foreach (var file in Directory.EnumerateFiles(_outDir, TempPrefix + "*" + TempSuffix))
        {
            if (TryDelete(file))
            {
                removed++;
            }
        }

        if (removed > 0)
        {
            FetchLog.TempFilesRemoved(_logger, FetchLog.Stage, removed, _outDir);
        }
    }

    private static bool TryDelete(string path)
    {
        try
        {
            if (!File.Exists(path))
            {
                return false;
            }

            File.Delete(path);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static string OneLine(Exception ex)
    {
        var message = ex.InnerException is { } inner && !ex.Message.Contains(inner.Message, StringComparison.Ordinal)
            ? ex.Message + " (" + inner.Message + ")"
            : ex.Message;
        return message.ReplaceLineEndings(" ");
    }

    private sealed record Item(string Url, Uri? Uri, IReadOnlyDictionary<string, string> Metadata);

    /// <summary>Per-URL state shared by the attempts of one execution.</summary>
    private sealed class UrlJob(string url, Uri uri)
    {
        public string Url { get; } = url;
        public Uri Uri { get; } = uri;
#pragma warning disable CA1051 // a field, for Interlocked
        public int Attempts;
#pragma warning restore CA1051
    }
}
