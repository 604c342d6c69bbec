namespace Ingest.Cli.Pipeline;

internal interface IProgressReporter
{
    void Start(int total);
    void Report(int done, string current);
    void Finish();
}

/// <summary>A one-line progress bar on stderr when it is a terminal; nothing otherwise (the log has the events).</summary>
internal sealed class ConsoleProgress(TextWriter error) : IProgressReporter
{
    private readonly bool _interactive = !Console.IsErrorRedirected;
    private int _total;
    private System.Diagnostics.Stopwatch _clock = new();

    public void Start(int total)
    {
        _total = total;
        _clock = System.Diagnostics.Stopwatch.StartNew();
    }

    public void Report(int done, string current)
    {
        if (!_interactive || _total == 0)
        {
            return;
        }

        const int width = 30;
        var filled = (int)Math.Round(width * (double)done / _total);
        var rate = done / Math.Max(0.001, _clock.Elapsed.TotalSeconds);
        var name = current.Length > 40 ? current[..37] + "..." : current;
        error.Write($"\r[{new string('#', filled)}{new string('-', width - filled)}] {done}/{_total} {rate:0.0}/s {name,-40}");
    }

    public void Finish()
    {
        if (_interactive && _total > 0)
        {
            error.WriteLine();
        }
    }
}
