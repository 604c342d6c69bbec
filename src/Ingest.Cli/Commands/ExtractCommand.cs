using System.CommandLine;
using System.Text;
using Ingest.Cli.Pipeline;
using Ingest.Core.Records;
using Microsoft.Extensions.Logging;

namespace Ingest.Cli.Commands;

/// <summary><c>ingest extract</c>: records as JSON lines on stdout (or a file); nothing is stored.</summary>
internal static class ExtractCommand
{
    public static Command Create(CommandContext ctx)
    {
        var inputs = CommonOptions.Inputs("PDF files, folders or globs");
        var output = CommonOptions.Output();
        var pretty = new Option<bool>("--pretty") { Description = "Indented JSON (one record after another, not JSON lines)" };
        var workers = CommonOptions.Workers();
        var group = CommonOptions.Group();
        var command = new Command("extract", "Print the canonical record of each document as JSON lines") { inputs, output, pretty, workers, group };
        command.SetAction(parse =>
        {
            var files = InputExpander.Expand(parse.GetRequiredValue(inputs), out _);
            if (files.Count == 0)
            {
                throw new UsageException("no input files");
            }

            using var services = Services.Create(parse);
            var path = parse.GetValue(output);
            using var file = path is null ? null : new StreamWriter(path, append: false, new UTF8Encoding(false));
            var writer = (TextWriter?)file ?? ctx.Stdout;
            var indented = parse.GetValue(pretty);
            var runner = new BatchRunner(services.Processor, services.Loggers.CreateLogger<BatchRunner>());
            var documents = services.Documents(files, parse.GetValue(group), ctx.Cancellation);
            var summary = runner.Run(documents, parse.GetValue(workers), record =>
            {
                writer.Write(RecordJson.Serialize(record, indented));
                writer.Write('\n');
                writer.Flush();
            }, path is null ? null : new ConsoleProgress(ctx.Stderr), ctx.Cancellation);
            return summary.Unreadable > 0 ? ExitCodes.SomeUnreadable : ExitCodes.Ok;
        });
        return command;
    }
}
