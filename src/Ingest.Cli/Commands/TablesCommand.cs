using System.CommandLine;
using System.Text;
using Ingest.Pdf;
using Ingest.Pdf.Output;

namespace Ingest.Cli.Commands;

/// <summary><c>ingest tables</c>: the table engine alone, as tabula/camelot users know it.</summary>
internal static class TablesCommand
{
    public static Command Create(CommandContext ctx)
    {
        var input = new Argument<string>("pdf") { Description = "A PDF file" };
        var pages = new Option<string?>("--pages", "-p") { Description = "Pages to read, e.g. 1-3,7 (default all)" };
        var format = new Option<string>("--format", "-f") { Description = "json or csv", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "csv");
        var join = new Option<bool>("--join") { Description = "Join tables continued across pages into logical tables" };
        var debugDir = new Option<string?>("--debug-dir") { Description = "Write one SVG per page showing letters, rulings, tables and cells" };
        var output = CommonOptions.Output();
        var command = new Command("tables", "Detect and print the tables of one PDF") { input, pages, format, join, debugDir, output };
        command.SetAction(parse =>
        {
            var selection = CommonOptions.Pages(parse.GetValue(pages));
            var options = new ExtractionOptions { DebugSvgDirectory = parse.GetValue(debugDir), JoinContinuations = true };
            using var services = Services.Create(parse, options);
            var file = services.Extractor.Extract(parse.GetRequiredValue(input), selection, ctx.Cancellation);
            foreach (var d in file.Diagnostics)
            {
                ctx.Stderr.WriteLine($"{d.Severity.ToString().ToLowerInvariant()}: {d.Code}{(d.Page is { } p ? $" (page {p})" : "")}: {d.Message}");
            }

            if (!file.Readable)
            {
                return ExitCodes.SomeUnreadable;
            }

            var path = parse.GetValue(output);
            using var stream = path is null ? Console.OpenStandardOutput() : File.Create(path);
            if (parse.GetValue(format) == "csv")
            {
                using var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true);
                var tables = parse.GetValue(join)
                    ? file.Tables.Select(t => (t.RowCount, t.ColCount, t.Cells)).ToList()
                    : file.Pages.SelectMany(p => p.Tables).Select(t => (t.RowCount, t.ColCount, t.Cells)).ToList();
                for (var i = 0; i < tables.Count; i++)
                {
                    if (i > 0)
                    {
                        writer.Write("\r\n");
                    }

                    TableCsv.Write(writer, tables[i].RowCount, tables[i].ColCount, tables[i].Cells);
                }
            }
            else if (parse.GetValue(join))
            {
                TableJson.Write(stream, file.Tables);
            }
            else
            {
                TableJson.Write(stream, file.Pages.SelectMany(p => p.Tables));
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
