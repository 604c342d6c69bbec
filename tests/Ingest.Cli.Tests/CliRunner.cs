using Ingest.Core.Records;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Ingest.Cli.Tests;

/// <summary>Runs the CLI in-process with captured stdout/stderr and a private log file.</summary>
internal sealed class CliRunner : IDisposable
{
    public CliRunner()
    {
        Dir = Directory.CreateTempSubdirectory("ingest-cli-").FullName;
    }

    public string Dir { get; }

    public string Store => Path.Combine(Dir, "store.db");

    public (int Exit, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var all = args.Concat(["--log-file", Path.Combine(Dir, "log.json"), "--quiet"]).ToArray();
        var exit = IngestApp.Run(all, stdout, stderr, CancellationToken.None);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    public static List<DocumentRecord> Records(string jsonLines) =>
        jsonLines.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(RecordJson.Deserialize).ToList();

    public void Dispose()
    {
        try
        {
            Directory.Delete(Dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
