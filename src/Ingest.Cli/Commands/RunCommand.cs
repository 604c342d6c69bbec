using System.CommandLine;
using Ingest.Cli.Pipeline;
using Ingest.Storage;
using Microsoft.Extensions.Logging;

namespace Ingest.Cli.Commands;

/// <summary><c>ingest run</c>: the whole pipeline into the store, with a progress bar and a summary.</summary>
internal static class RunCommand
{
    public static Command Create(CommandContext ctx)
    {
        var inputs = CommonOptions.Inputs("PDF files, folders (searched recursively), globs, URLs, URL lists (.txt) or manifests (.csv)");
        var store = CommonOptions.Store();
        var workers = CommonOptions.Workers();
        var group = CommonOptions.Group();
        var fetchDir = FetchCliCommand.FetchDir();
        var command = new Command("run", "Extract, recognize, check and store every input document") { inputs, store, workers, fetchDir, group };
        command.SetAction(parse =>
        {
            var (files, remote) = InputExpander.Split(parse.GetRequiredValue(inputs), ctx.Stderr);

            using var services = Services.Create(parse);
            var storePath = parse.GetRequiredValue(store);
            using var records = RecordStores.Open(storePath);
            var runner = new BatchRunner(services.Processor, services.Loggers.CreateLogger<BatchRunner>());
            var documents = services.Documents(files, parse.GetValue(group), ctx.Cancellation);
            var fetchFailed = 0;
            if (remote.Count > 0)
            {
                var options = new Ingest.Fetch.FetchOptions { OutputDirectory = parse.GetRequiredValue(fetchDir) };
                options.Validate();
                var (fetched, fetchSummary) = RemoteInputs.FetchAsync(remote, options, records, services.Loggers, ctx.Stderr, ctx.Cancellation).GetAwaiter().GetResult();
                documents.AddRange(fetched);
                fetchFailed = fetchSummary.Failed;
            }
            var summary = runner.Run(documents, parse.GetValue(workers), records.Upsert, new ConsoleProgress(ctx.Stderr), ctx.Cancellation);
            ctx.Stderr.WriteLine(
                $"{summary.Documents} documents ({summary.Unreadable} unreadable), {summary.Tables} tables, " +
                $"{summary.Errors} error findings, {summary.Warnings} warnings, {summary.Diagnostics} diagnostics in {summary.Elapsed.TotalSeconds:0.0}s; " +
                $"store {records.Location} holds {records.Count()} records");
            return summary.Unreadable > 0 || fetchFailed > 0 ? ExitCodes.SomeUnreadable : ExitCodes.Ok;
        });
        return command;
    }
}
