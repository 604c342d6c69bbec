using System.CommandLine;
using System.Text;
using Ingest.Storage;

namespace Ingest.Cli.Commands;

/// <summary><c>ingest export</c>: store contents in analysts' formats, streamed.</summary>
internal static class ExportCommand
{
    public static Command Create(CommandContext ctx)
    {
        var format = new Option<string>("--format", "-f") { Description = "jsonl (records), csv or parquet", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("jsonl", "csv", "parquet");
        var what = new Option<string>("--what", "-w") { Description = "For csv and parquet: line-items, findings or documents", DefaultValueFactory = _ => "line-items" };
        what.AcceptOnlyFromAmong("line-items", "findings", "documents");
        var bom = new Option<bool>("--bom") { Description = "Start CSV with a UTF-8 byte order mark so that Excel shows Chinese" };
        var store = CommonOptions.Store();
        var output = CommonOptions.Output();
        var command = new Command("export", "Export the store: records as JSON lines, or line items / findings / documents as CSV or Parquet") { format, what, bom, store, output };
        command.SetAction(parse =>
        {
            var storePath = parse.GetRequiredValue(store);
            if (!RecordStores.Exists(storePath))
            {
                throw new UsageException($"store '{storePath}' does not exist (run 'ingest run' first)");
            }

            var path = parse.GetValue(output);
            if (parse.GetValue(format) == "parquet")
            {
                return Parquet(records: storePath, path, parse.GetValue(what)!, ctx);
            }

            using var records = RecordStores.Open(storePath);
            var encoding = parse.GetValue(bom) ? CsvWriter.Utf8WithBom : new UTF8Encoding(false);
            using var file = path is null ? null : new StreamWriter(path, append: false, encoding);
            var writer = (TextWriter?)file ?? ctx.Stdout;
            if (path is null && parse.GetValue(bom))
            {
                writer.Write('\uFEFF');
            }

            var n = parse.GetValue(format) switch
            {
                "jsonl" => Exporter.WriteJsonLines(records, writer),
                _ => parse.GetValue(what) switch
                {
                    "findings" => Exporter.WriteFindingsCsv(records, writer),
                    "documents" => Exporter.WriteDocumentsCsv(records, writer),
                    _ => Exporter.WriteLineItemsCsv(records, writer),
                },
            };
            writer.Flush();
            ctx.Stderr.WriteLine($"exported {n} rows");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static int Parquet(string records, string? path, string what, CommandContext ctx)
    {
        if (path is null)
        {
            throw new UsageException("--format parquet needs -o PATH (Parquet is a binary file format)");
        }

        using var store = RecordStores.Open(records);
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        var n = (what switch
        {
            "findings" => ParquetExporter.WriteFindingsAsync(store, file, cancellationToken: ctx.Cancellation),
            "documents" => ParquetExporter.WriteDocumentsAsync(store, file, cancellationToken: ctx.Cancellation),
            _ => ParquetExporter.WriteLineItemsAsync(store, file, cancellationToken: ctx.Cancellation),
        }).GetAwaiter().GetResult();
        ctx.Stderr.WriteLine($"exported {n} rows");
        return ExitCodes.Ok;
    }
}
