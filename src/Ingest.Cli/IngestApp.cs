using System.CommandLine;
using Ingest.Cli.Commands;

namespace Ingest.Cli;

/// <summary>The command tree. Data goes to <c>stdout</c>; progress, summaries and logs to <c>stderr</c>.</summary>
internal static class IngestApp
{
    public static readonly Option<bool> Verbose = new("--verbose", "-v") { Description = "Log progress events to stderr", Recursive = true };
    public static readonly Option<bool> Quiet = new("--quiet", "-q") { Description = "Only errors on stderr", Recursive = true };
    public static readonly Option<string?> LogFile = new("--log-file")
    {
        Description = "Compact JSON log file (default: logs/ingest.log.json)",
        Recursive = true,
        DefaultValueFactory = _ => Path.Combine("logs", "ingest.log.json"),
    };

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var root = new RootCommand("Ingest: Chinese budget disclosures (PDF) to clean, checked records.")
        {
            Verbose, Quiet, LogFile,
        };
        var context = new CommandContext(stdout, stderr, cancellationToken);
        root.Add(RunCommand.Create(context));
        root.Add(ExtractCommand.Create(context));
        root.Add(TablesCommand.Create(context));
        root.Add(ExportCommand.Create(context));
        root.Add(FetchCliCommand.Create(context));
        root.Add(TrainCommand.Create(context));
        root.Add(EnqueueCommand.Create(context));
        root.Add(WorkerCommand.Create(context));
        root.Add(StatusCommand.Create(context));
        root.Add(DashboardCommand.Create(context));

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                stderr.WriteLine("error: " + error.Message);
            }

            stderr.WriteLine("Try 'ingest --help'.");
            return ExitCodes.Usage;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (OperationCanceledException)
        {
            stderr.WriteLine("interrupted: what was stored stays stored; run again to continue.");
            return ExitCodes.Interrupted;
        }
        catch (UsageException ex)
        {
            stderr.WriteLine("error: " + ex.Message);
            return ExitCodes.Usage;
        }
        catch (Ingest.Storage.StoreUnavailableException ex)
        {
            stderr.WriteLine("error: " + ex.Message);
            return ExitCodes.StoreUnavailable;
        }
        finally
        {
            Serilog.Log.CloseAndFlush();
        }
    }
}

/// <summary>A usage problem found after parsing (bad value, conflicting options).</summary>
internal sealed class UsageException(string message) : Exception(message);

internal sealed record CommandContext(TextWriter Stdout, TextWriter Stderr, CancellationToken Cancellation);
