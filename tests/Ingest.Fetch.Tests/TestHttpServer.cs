using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Ingest.Fetch.Tests;

/// <summary>
/// A deliberately small HTTP/1.1 server on 127.0.0.1 (random free port) over a raw <see cref="TcpListener"/>, so that
/// tests control every byte: lie about Content-Length, stall, reset a connection mid-body. One request per connection
/// (responses say Connection: close). Handlers get the hit number of their path (1-based).
/// </summary>
internal sealed class TestHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, Func<Exchange, Task>> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _hits = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<Task> _connections = [];
    private readonly Task _acceptLoop;
    private int _inFlight;
    private int _maxInFlight;

    public TestHttpServer()
    {
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    public int Port { get; }

    /// <summary>Most requests being answered at the same time.</summary>
    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public int TotalHits => _hits.Values.Sum();

    public string Url(string path) => $"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}{path}";

    public int Hits(string path) => _hits.TryGetValue(path, out var n) ? n : 0;

    public TestHttpServer Map(string path, Func<Exchange, Task> handler)
    {
        _routes[path] = handler;
        return this;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _acceptLoop;
        }
        catch (OperationCanceledException)
        {
        }

        try
        {
            await Task.WhenAll(_connections).WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or TimeoutException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _connections.Add(Task.Run(() => ServeAsync(socket)));
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        var stream = new NetworkStream(socket, ownsSocket: false);
        try
        {
            var (path, headers) = await ReadRequestAsync(stream, _stop.Token);
            if (path is null)
            {
                return;
            }

            int hit = _hits.AddOrUpdate(path, 1, (_, n) => n + 1);
            int now = Interlocked.Increment(ref _inFlight);
            int max;
            while (now > (max = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, max) != max)
            {
            }

            try
            {
                var exchange = new Exchange(socket, stream, path, hit, headers, _stop.Token);
                if (_routes.TryGetValue(path, out var handler))
                {
                    await handler(exchange);
                }
                else
                {
                    await exchange.StatusAsync(404);
                }
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // the client went away (timeouts, caps): expected in fault tests
        }
        finally
        {
            await stream.DisposeAsync();
            socket.Dispose();
        }
    }

    private static async Task<(string? Path, Dictionary<string, string> Headers)> ReadRequestAsync(Stream stream, CancellationToken ct)
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (true)
        {
            int n = await stream.ReadAsync(one, ct);
            if (n == 0)
            {
                return (null, []);
            }

            bytes.Add(one[0]);
            int c = bytes.Count;
            if (c >= 4 && bytes[c - 4] == '\r' && bytes[c - 3] == '\n' && bytes[c - 2] == '\r' && bytes[c - 1] == '\n')
            {
                break;
            }
        }

        var lines = Encoding.ASCII.GetString(bytes.ToArray()).Split("\r\n");
        var parts = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1).Where(l => l.Contains(':', StringComparison.Ordinal)))
        {
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        return (parts.Length > 1 ? parts[1] : null, headers);
    }

    /// <summary>One request and the raw connection to answer it on.</summary>
    internal sealed class Exchange(Socket socket, Stream stream, string path, int hit, Dictionary<string, string> headers, CancellationToken ct)
    {
        public string Path { get; } = path;

        /// <summary>1 for the first request to this path, 2 for the second, …</summary>
        public int Hit { get; } = hit;

        public IReadOnlyDictionary<string, string> Headers { get; } = headers;

        public CancellationToken Stopping { get; } = ct;

        /// <summary>Bytes of body written so far (for "nothing was downloaded" checks).</summary>
        public long BodyBytesWritten { get; private set; }

        public async Task HeadAsync(int status, IEnumerable<(string Name, string Value)> headers)
        {
            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {status} {Reason(status)}\r\n");
            foreach (var (name, value) in headers)
            {
                text.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
            }

            text.Append("Connection: close\r\n\r\n");
            await stream.WriteAsync(Encoding.ASCII.GetBytes(text.ToString()), Stopping);
            await stream.FlushAsync(Stopping);
        }

        public async Task BodyAsync(ReadOnlyMemory<byte> data)
        {
            await stream.WriteAsync(data, Stopping);
            await stream.FlushAsync(Stopping);
            BodyBytesWritten += data.Length;
        }

        /// <summary>A complete response with Content-Length.</summary>
        public async Task RespondAsync(int status, string contentType, byte[] body, params (string, string)[] extra)
        {
            await HeadAsync(status, [("Content-Type", contentType), ("Content-Length", body.Length.ToString(CultureInfo.InvariantCulture)), .. extra]);
            await BodyAsync(body);
        }

        public Task PdfAsync(byte[] pdf) => RespondAsync(200, "application/pdf", pdf);

        public Task StatusAsync(int status, params (string, string)[] extra) =>
            RespondAsync(status, "text/plain", Encoding.ASCII.GetBytes("status " + status.ToString(CultureInfo.InvariantCulture)), extra);

        public Task RedirectAsync(int status, string location) => StatusAsync(status, ("Location", location));

        /// <summary>Ends the connection abruptly (TCP reset).</summary>
        public void Reset()
        {
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        }

        private static string Reason(int status) => status switch
        {
            200 => "OK",
            301 => "Moved Permanently",
            302 => "Found",
            404 => "Not Found",
            408 => "Request Timeout",
            429 => "Too Many Requests",
            500 => "Internal Server Error",
            503 => "Service Unavailable",
            _ => "Status",
        };
    }
}
