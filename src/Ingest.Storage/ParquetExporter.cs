using Ingest.Core.Pipeline;
using Ingest.Core.Records;
using Parquet;
using Parquet.Schema;

namespace Ingest.Storage;

/// <summary>
/// Parquet exports of line items, findings and documents (the same columns as the CSV exports, typed:
/// amounts as decimals, years and pages as integers). Streamed: rows are buffered only up to one row
/// group at a time, so memory stays flat whatever the size of the store.
/// </summary>
public static class ParquetExporter
{
    /// <summary>Rows per row group: large enough for good compression, small enough to keep memory flat.</summary>
    public const int DefaultRowGroupSize = 50_000;

    // Amounts in 元 are exact decimals with a few decimal places; 38 digits with 6 after the point hold any of them.
    private const int Precision = 38;
    private const int Scale = 6;

    public static Task<long> WriteLineItemsAsync(ILineItemSource store, Stream output, int rowGroupSize = DefaultRowGroupSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var columns = new Columns<LineItem>()
            .Text("document_id", i => i.DocumentId)
            .Text("organization", i => i.Organization)
            .Int("year", i => i.Year)
            .Text("kind", i => i.Kind)
            .Text("table", i => i.TableType)
            .Text("unit", i => i.Unit)
            .Int("page", i => i.Page)
            .Int("row", i => i.Row)
            .Text("side", i => i.Side)
            .Text("line", i => i.Line)
            .Text("func_code", i => i.FuncCode)
            .Text("econ_code", i => i.EconCode)
            .Text("name", i => i.Name)
            .Text("column", i => i.Column)
            .Decimal("amount_yuan", i => i.AmountYuan)
            .Text("printed", i => i.Printed);
        return columns.WriteAsync(store.LineItems(), output, rowGroupSize, cancellationToken);
    }

    public static Task<long> WriteFindingsAsync(IRecordStore store, Stream output, int rowGroupSize = DefaultRowGroupSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var columns = new Columns<(DocumentRecord R, Finding F)>()
            .Text("document_id", x => x.R.Id)
            .Text("source", x => x.R.Source)
            .Text("organization", x => x.R.Organization)
            .Int("year", x => x.R.Year)
            .Text("rule", x => x.F.Rule)
            .Text("severity", x => x.F.Severity.ToString().ToLowerInvariant())
            .Text("message", x => x.F.Message)
            .Text("message_zh", x => x.F.MessageZh)
            .Decimal("expected", x => x.F.Expected)
            .Decimal("printed", x => x.F.Printed)
            .Decimal("difference", x => x.F.Difference)
            .Int("file", x => First(x.F)?.File)
            .Int("page", x => First(x.F)?.Page)
            .Text("table", x => First(x.F)?.Table)
            .Text("row", x => First(x.F)?.RowLabel)
            .Text("column", x => First(x.F)?.Column);
        return columns.WriteAsync(store.All().SelectMany(r => r.Findings.Select(f => (r, f))), output, rowGroupSize, cancellationToken);
    }

    public static Task<long> WriteDocumentsAsync(IRecordStore store, Stream output, int rowGroupSize = DefaultRowGroupSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var columns = new Columns<DocumentRecord>()
            .Text("document_id", r => r.Id)
            .Text("source", r => r.Source)
            .Text("files", r => string.Join(";", r.Files.Select(f => f.Path)))
            .Text("kind", r => r.Kind)
            .Text("level", r => r.Level)
            .Int("year", r => r.Year)
            .Text("organization", r => r.Organization)
            .Int("tables", r => r.Tables.Count)
            .Text("table_types", r => string.Join(";", r.Tables.Select(t => t.Type).Distinct()))
            .Int("errors", r => r.Findings.Count(f => f.Severity == FindingSeverity.Error))
            .Int("warnings", r => r.Findings.Count(f => f.Severity == FindingSeverity.Warning))
            .Text("diagnostics", r => string.Join("; ", r.Diagnostics.Select(d => $"{d.Code}: {d.Message}")));
        return columns.WriteAsync(store.All(), output, rowGroupSize, cancellationToken);
    }

    private static Location? First(Finding f) => f.Locations.Count > 0 ? f.Locations[0] : null;

    /// <summary>A typed column: buffers one row group's values, then writes them.</summary>
    private abstract class Column<TRow>
    {
        public abstract DataField Field { get; }

        public abstract void Add(TRow row);

        public abstract Task WriteAsync(ParquetRowGroupWriter group, CancellationToken cancellationToken);

        public abstract void Clear();
    }

    private sealed class TextColumn<TRow>(string name, Func<TRow, string?> get) : Column<TRow>
    {
        private readonly List<string?> _values = [];

        public override DataField Field { get; } = new DataField<string>(name, nullable: true);

        public override void Add(TRow row) => _values.Add(get(row));

        public override Task WriteAsync(ParquetRowGroupWriter group, CancellationToken cancellationToken) =>
            group.WriteAsync(Field, (IReadOnlyCollection<string>)_values);

        public override void Clear() => _values.Clear();
    }

    private sealed class ValueColumn<TRow, T>(DataField field, Func<TRow, T?> get) : Column<TRow>
        where T : struct
    {
        private readonly List<T?> _values = [];

        public override DataField Field { get; } = field;

        public override void Add(TRow row) => _values.Add(get(row));

        public override Task WriteAsync(ParquetRowGroupWriter group, CancellationToken cancellationToken) =>
            group.WriteAsync<T>(Field, _values.ToArray().AsMemory(), cancellationToken: cancellationToken);

        public override void Clear() => _values.Clear();
    }

    private sealed class Columns<TRow>
    {
        private readonly List<Column<TRow>> _columns = [];

        public Columns<TRow> Text(string name, Func<TRow, string?> get)
        {
            _columns.Add(new TextColumn<TRow>(name, get));
            return this;
        }

        public Columns<TRow> Int(string name, Func<TRow, int?> get)
        {
            _columns.Add(new ValueColumn<TRow, int>(new DataField<int?>(name), get));
            return this;
        }

        public Columns<TRow> Decimal(string name, Func<TRow, decimal?> get)
        {
            _columns.Add(new ValueColumn<TRow, decimal>(new DecimalDataField(name, Precision, Scale, forceByteArrayEncoding: false, isNullable: true),
                row => get(row) is { } d ? Math.Round(d, Scale, MidpointRounding.ToEven) : null));
            return this;
        }

        public async Task<long> WriteAsync(IEnumerable<TRow> rows, Stream output, int rowGroupSize, CancellationToken cancellationToken)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(rowGroupSize, 1);
            var schema = new ParquetSchema(_columns.Select(c => (Field)c.Field));
            await using var writer = await ParquetWriter.CreateAsync(schema, output, cancellationToken: cancellationToken).ConfigureAwait(false);
            long total = 0;
            var buffered = 0;
            foreach (var row in rows)
            {
                foreach (var c in _columns)
                {
                    c.Add(row);
                }

                total++;
                if (++buffered == rowGroupSize)
                {
                    await FlushAsync(writer, cancellationToken).ConfigureAwait(false);
                    buffered = 0;
                }
            }

            if (buffered > 0 || total == 0)
            {
                await FlushAsync(writer, cancellationToken).ConfigureAwait(false);
            }

            return total;
        }

        private async Task FlushAsync(ParquetWriter writer, CancellationToken cancellationToken)
        {
            using (var group = writer.CreateRowGroup())
            {
                foreach (var c in _columns)
                {
                    await c.WriteAsync(group, cancellationToken).ConfigureAwait(false);
                    c.Clear();
                }
            }
        }
    }
}
