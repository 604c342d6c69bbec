using System.Globalization;
using System.Text;
using Ingest.Core.Pipeline;
using Ingest.Core.Records;

namespace Ingest.Storage;

/// <summary>What to export.</summary>
public enum ExportDataset
{
    /// <summary>Whole records (JSON lines only).</summary>
    Records,
    LineItems,
    Findings,
    Documents,
}

/// <summary>Streams store contents to analysts' formats. Nothing is loaded whole into memory.</summary>
public static class Exporter
{
    public static long WriteJsonLines(IRecordStore store, TextWriter writer)
    {
        long n = 0;
        foreach (var record in store.All())
        {
            writer.Write(RecordJson.Serialize(record));
            writer.Write('\n');
            n++;
        }

        return n;
    }

    public static long WriteLineItemsCsv(ILineItemSource store, TextWriter writer)
    {
        var csv = new CsvWriter(writer);
        csv.Row("document_id", "organization", "year", "kind", "table", "unit", "page", "row", "side", "line", "func_code", "econ_code", "name", "column", "amount_yuan", "printed");
        long n = 0;
        foreach (var i in store.LineItems())
        {
            csv.Row(i.DocumentId, i.Organization, I(i.Year), i.Kind, i.TableType, i.Unit, I(i.Page), I(i.Row), i.Side, i.Line,
                i.FuncCode, i.EconCode, i.Name, i.Column, i.AmountYuan?.ToString(CultureInfo.InvariantCulture), i.Printed);
            n++;
        }

        return n;
    }

    public static long WriteFindingsCsv(IRecordStore store, TextWriter writer)
    {
        var csv = new CsvWriter(writer);
        csv.Row("document_id", "source", "organization", "year", "rule", "severity", "message", "message_zh", "expected", "printed", "difference", "file", "page", "table", "row", "column");
        long n = 0;
        foreach (var record in store.All())
        {
            foreach (var f in record.Findings)
            {
                var loc = f.Locations.Count > 0 ? f.Locations[0] : null;
                csv.Row(record.Id, record.Source, record.Organization, I(record.Year), f.Rule, f.Severity.ToString().ToLowerInvariant(), f.Message, f.MessageZh,
                    D(f.Expected), D(f.Printed), D(f.Difference), I(loc?.File), I(loc?.Page), loc?.Table, loc?.RowLabel, loc?.Column);
                n++;
            }
        }

        return n;
    }

    public static long WriteDocumentsCsv(IRecordStore store, TextWriter writer)
    {
        var csv = new CsvWriter(writer);
        csv.Row("document_id", "source", "files", "kind", "level", "year", "organization", "tables", "table_types", "errors", "warnings", "diagnostics");
        long n = 0;
        foreach (var r in store.All())
        {
            csv.Row(r.Id, r.Source, string.Join(";", r.Files.Select(f => f.Path)), r.Kind, r.Level, I(r.Year), r.Organization,
                I(r.Tables.Count), string.Join(";", r.Tables.Select(t => t.Type).Distinct()),
                I(r.Findings.Count(f => f.Severity == FindingSeverity.Error)), I(r.Findings.Count(f => f.Severity == FindingSeverity.Warning)),
                string.Join("; ", r.Diagnostics.Select(d => $"{d.Code}: {d.Message}")));
            n++;
        }

        return n;
    }

    private static string? I(int? v) => v?.ToString(CultureInfo.InvariantCulture);

    private static string? D(decimal? v) => v?.ToString(CultureInfo.InvariantCulture);
}

/// <summary>RFC 4180 CSV with cells sanitized against spreadsheet formula injection.</summary>
public sealed class CsvWriter(TextWriter writer)
{
    public static Encoding Utf8WithBom { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    public void Row(params string?[] cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }

            writer.Write(Escape(cells[i]));
        }

        writer.Write("\r\n");
    }

    public static string Escape(string? cell)
    {
        if (string.IsNullOrEmpty(cell))
        {
            return "";
        }

        var text = cell;
        // A cell starting with = + - @ or a control character is read as a formula by spreadsheets;
        // a leading apostrophe keeps it text. Plain negative numbers stay numbers.
        if (text[0] is '=' or '+' or '@' or '\t' or '\r' || (text[0] == '-' && !decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out _)))
        {
            text = "'" + text;
        }

        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
