using System.CommandLine;
using Ingest.Cli.Pipeline;
using Ingest.Fetch;
using Ingest.Storage;

namespace Ingest.Cli.Commands;

/// <summary><c>ingest fetch</c>: download the PDFs of URL lists or manifests, resumably; the fetch state lives in the store.</summary>
internal static class FetchCliCommand
{
    public const string DefaultFetchDir = "data/pdfs";

    public static Option<string> FetchDir() => new("--fetch-dir")
    {
        Description = "Where fetched PDFs are stored, by content hash (default data/pdfs)",
        DefaultValueFactory = _ => DefaultFetchDir,
    };

    public static Command Create(CommandContext ctx)
    {
        var inputs = CommonOptions.Inputs("URL lists (.txt, one URL a line), manifests (.csv with a url column) or URLs");
        var outDir = new Option<string>("--out") { Description = "Output folder (default data/pdfs)", DefaultValueFactory = _ => DefaultFetchDir };
        var store = CommonOptions.Store();
        var command = new Command("fetch", "Download PDFs from URL lists with retries, rate limits and resume") { inputs, outDir, store };
        command.SetAction(parse =>
        {
            using var services = Services.Create(parse);
            using var records = RecordStores.Open(parse.GetRequiredValue(store));
            var options = new FetchOptions { OutputDirectory = parse.GetRequiredValue(outDir) };
            options.Validate();
            try
            {
                var (_, summary) = RemoteInputs.FetchAsync(parse.GetRequiredValue(inputs), options, records, services.Loggers, ctx.Stderr, ctx.Cancellation)
                    .GetAwaiter().GetResult();
                return FetchCommand.ExitCode(summary);
            }
            catch (FormatException ex)
            {
                throw new UsageException(ex.Message);
            }
            catch (InvalidOperationException ex)
            {
                throw new UsageException(ex.Message);
            }
        });
        return command;
    }
}
