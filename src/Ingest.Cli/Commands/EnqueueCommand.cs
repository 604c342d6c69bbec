using System.CommandLine;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Ingest.Cli.Jobs;
using Ingest.Cli.Pipeline;
using Ingest.Storage;

namespace Ingest.Cli.Commands;

/// <summary><c>ingest enqueue</c>: one Hangfire job per document in the shared PostgreSQL store; workers anywhere process them.</summary>
internal static class EnqueueCommand
{
    public static Command Create(CommandContext ctx)
    {
        var inputs = CommonOptions.Inputs("PDF files, folders (searched recursively), globs, URLs, URL lists (.txt) or manifests (.csv)");
        var store = CommonOptions.Store();
        var fetchDir = FetchCliCommand.FetchDir();
        var group = CommonOptions.Group();
        var command = new Command("enqueue", "Add one job per document to the shared queue (PostgreSQL --store); run 'ingest worker' to process them")
        {
            inputs, store, fetchDir, group,
        };
        command.SetAction(parse =>
        {
            var storeValue = parse.GetRequiredValue(store);
            var jobs = IngestJobStorage.Open(storeValue);
            var (files, remote) = InputExpander.Split(parse.GetRequiredValue(inputs), ctx.Stderr);

            // Workers may run elsewhere: jobs carry absolute paths (the folder must be a shared mount there).
            files = files.Select(Path.GetFullPath).ToList();
            using var services = Services.Create(parse);

            // A narrative file and a tables file of one document become one job, as in 'ingest run'.
            var documents = services.Documents(files, parse.GetValue(group), ctx.Cancellation);
            var fetchFailed = 0;
            if (remote.Count > 0)
            {
                // URLs are fetched here (state in the shared store) and their local copies enqueued: the fetch
                // folder must be reachable by the workers (a shared mount when they run on other machines).
                using var records = RecordStores.Open(storeValue);
                var options = new Ingest.Fetch.FetchOptions { OutputDirectory = Path.GetFullPath(parse.GetRequiredValue(fetchDir)) };
                options.Validate();
                var (fetched, summary) = RemoteInputs.FetchAsync(remote, options, records, services.Loggers, ctx.Stderr, ctx.Cancellation).GetAwaiter().GetResult();
                documents.AddRange(fetched.Select(d => d with { Paths = d.Paths.Select(Path.GetFullPath).ToList() }));
                fetchFailed = summary.Failed;
            }

            // Records are created when the workers touch the store; make sure its tables exist before the first job.
            using (RecordStores.Open(storeValue))
            {
            }

            var client = new BackgroundJobClient(jobs);
            foreach (var document in documents)
            {
                ctx.Cancellation.ThrowIfCancellationRequested();
                var input = DocumentJobInput.From(document);
                client.Create(Job.FromExpression<DocumentJob>(j => j.Run(input, null, CancellationToken.None)), new EnqueuedState(IngestJobStorage.Queue));
            }

            ctx.Stderr.WriteLine($"enqueued {documents.Count} jobs in {PostgresConnection.Redact(storeValue)}");
            return fetchFailed > 0 ? ExitCodes.SomeUnreadable : ExitCodes.Ok;
        });
        return command;
    }
}
