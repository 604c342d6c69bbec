using System.Globalization;
using System.Text.Json;
using Ingest.Core.Pipeline;
using Ingest.Core.Records;
using Npgsql;
using NpgsqlTypes;

namespace Ingest.Storage;

/// <summary>
/// The shared store for scale-out: PostgreSQL holding each record as <c>jsonb</c>, plus queryable line
/// items and findings, and the fetch state. Same tables and queries as <see cref="SqliteRecordStore"/>.
/// Writes are keyed by document id in one transaction: a retried or re-delivered job replaces, never duplicates.
/// Safe for concurrent use by many threads and processes.
/// </summary>
public sealed class PostgresRecordStore : IIngestStore
{
    private const int SchemaVersion = 1;

    // Any fixed number: serializes schema creation between processes starting at the same time.
    private const long MigrationLock = 0x1_6E_67_65_73_74;

    private readonly NpgsqlDataSource _source;

    public PostgresRecordStore(string connectionString)
    {
        var normalized = PostgresConnection.Normalize(connectionString);
        Location = PostgresConnection.Redact(normalized);
        _source = NpgsqlDataSource.Create(normalized);
        Migrate();
    }

    public string Location { get; }

    public void Upsert(DocumentRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentException.ThrowIfNullOrEmpty(record.Id);
        var json = RecordJson.Serialize(record);
        using var conn = _source.OpenConnection();
        using var tx = conn.BeginTransaction();

        // The document row first: its row lock serializes concurrent writers of the same id, so the
        // deletes below always see the other writer's committed children.
        using (var cmd = new NpgsqlCommand(
            """
            INSERT INTO documents (id, source, kind, level, year, organization, tables, findings, errors, diagnostics, readable, record, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, now())
            ON CONFLICT (id) DO UPDATE SET source = excluded.source, kind = excluded.kind, level = excluded.level, year = excluded.year,
                organization = excluded.organization, tables = excluded.tables, findings = excluded.findings, errors = excluded.errors,
                diagnostics = excluded.diagnostics, readable = excluded.readable, record = excluded.record, updated_at = excluded.updated_at
            """, conn, tx))
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = record.Id });
            cmd.Parameters.Add(new NpgsqlParameter { Value = record.Source });
            cmd.Parameters.Add(Nullable(record.Kind, NpgsqlDbType.Text));
            cmd.Parameters.Add(Nullable(record.Level, NpgsqlDbType.Text));
            cmd.Parameters.Add(Nullable(record.Year, NpgsqlDbType.Integer));
            cmd.Parameters.Add(Nullable(record.Organization, NpgsqlDbType.Text));
            cmd.Parameters.Add(new NpgsqlParameter { Value = record.Tables.Count });
            cmd.Parameters.Add(new NpgsqlParameter { Value = record.Findings.Count });
            cmd.Parameters.Add(new NpgsqlParameter { Value = record.Findings.Count(f => f.Severity == FindingSeverity.Error) });
            cmd.Parameters.Add(new NpgsqlParameter { Value = record.Diagnostics.Count });
            cmd.Parameters.Add(new NpgsqlParameter { Value = !record.HasReadFailure });
            cmd.Parameters.Add(new NpgsqlParameter { Value = json, NpgsqlDbType = NpgsqlDbType.Jsonb });
            cmd.ExecuteNonQuery();
        }

        using (var cmd = new NpgsqlCommand("DELETE FROM line_items WHERE document_id = $1; ", conn, tx))
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = record.Id });
            cmd.ExecuteNonQuery();
        }

        using (var cmd = new NpgsqlCommand("DELETE FROM findings WHERE document_id = $1", conn, tx))
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = record.Id });
            cmd.ExecuteNonQuery();
        }

        using (var copy = conn.BeginBinaryImport(
            "COPY line_items (document_id, table_index, table_type, unit, row_index, page, side, line, func_code, econ_code, name, column_id, amount, printed) FROM STDIN (FORMAT BINARY)"))
        {
            for (var t = 0; t < record.Tables.Count; t++)
            {
                var table = record.Tables[t];
                foreach (var row in table.Rows)
                {
                    foreach (var (column, amount) in row.Values)
                    {
                        copy.StartRow();
                        copy.Write(record.Id, NpgsqlDbType.Text);
                        copy.Write(t, NpgsqlDbType.Integer);
                        copy.Write(table.Type, NpgsqlDbType.Text);
                        copy.Write(table.Unit, NpgsqlDbType.Text);
                        copy.Write(row.Index, NpgsqlDbType.Integer);
                        copy.Write(row.Page, NpgsqlDbType.Integer);
                        WriteText(copy, row.Side);
                        WriteText(copy, row.Line);
                        WriteText(copy, row.FuncCode);
                        WriteText(copy, row.EconCode);
                        copy.Write(row.Name, NpgsqlDbType.Text);
                        copy.Write(column, NpgsqlDbType.Text);
                        WriteNumeric(copy, amount);
                        WriteText(copy, row.Printed.TryGetValue(column, out var printed) ? printed : null);
                    }
                }
            }

            copy.Complete();
        }

        using (var copy = conn.BeginBinaryImport(
            "COPY findings (document_id, rule, severity, message, expected, printed, difference, page, table_type, row_label, column_id) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var f in record.Findings)
            {
                var loc = f.Locations.Count > 0 ? f.Locations[0] : null;
                copy.StartRow();
                copy.Write(record.Id, NpgsqlDbType.Text);
                copy.Write(f.Rule, NpgsqlDbType.Text);
                copy.Write(Severity(f.Severity), NpgsqlDbType.Text);
                copy.Write(f.Message, NpgsqlDbType.Text);
                WriteNumeric(copy, f.Expected);
                WriteNumeric(copy, f.Printed);
                WriteNumeric(copy, f.Difference);
                if (loc?.Page is { } page)
                {
                    copy.Write(page, NpgsqlDbType.Integer);
                }
                else
                {
                    copy.WriteNull();
                }

                WriteText(copy, loc?.Table);
                WriteText(copy, loc?.RowLabel);
                WriteText(copy, loc?.Column);
            }

            copy.Complete();
        }

        tx.Commit();
    }

    public DocumentRecord? Get(string id)
    {
        using var cmd = _source.CreateCommand("SELECT record::text FROM documents WHERE id = $1");
        cmd.Parameters.Add(new NpgsqlParameter { Value = id });
        return cmd.ExecuteScalar() is string json ? RecordJson.Deserialize(json) : null;
    }

    public long Count()
    {
        using var cmd = _source.CreateCommand("SELECT COUNT(*) FROM documents");
        return (long)cmd.ExecuteScalar()!;
    }

    public IEnumerable<DocumentRecord> All()
    {
        foreach (var json in Stream("SELECT record::text FROM documents ORDER BY id", r => r.GetString(0)))
        {
            yield return RecordJson.Deserialize(json);
        }
    }

    public IEnumerable<LineItem> LineItems() => Stream(LineItemQuery.Sql, r => LineItemQuery.Read(r, x => x.GetDecimal(14)));

    public FetchEntry? GetFetch(string url)
    {
        using var cmd = _source.CreateCommand("SELECT entry::text FROM fetch_state WHERE url = $1");
        cmd.Parameters.Add(new NpgsqlParameter { Value = url });
        return cmd.ExecuteScalar() is string json ? JsonSerializer.Deserialize<FetchEntry>(json, RecordJson.Options) : null;
    }

    public void PutFetch(FetchEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        using var cmd = _source.CreateCommand(
            "INSERT INTO fetch_state (url, status, entry) VALUES ($1, $2, $3) ON CONFLICT (url) DO UPDATE SET status = excluded.status, entry = excluded.entry");
        cmd.Parameters.Add(new NpgsqlParameter { Value = entry.Url });
        cmd.Parameters.Add(new NpgsqlParameter { Value = entry.Status.ToString() });
        cmd.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(entry, RecordJson.Options), NpgsqlDbType = NpgsqlDbType.Jsonb });
        cmd.ExecuteNonQuery();
    }

    public IEnumerable<FetchEntry> AllFetches() =>
        Stream("SELECT entry::text FROM fetch_state ORDER BY url", r => JsonSerializer.Deserialize<FetchEntry>(r.GetString(0), RecordJson.Options)!);

    public IReadOnlyDictionary<string, long> FindingCounts()
    {
        var result = new Dictionary<string, long>();
        foreach (var (sev, n) in Stream("SELECT severity, COUNT(*) FROM findings GROUP BY severity", r => (r.GetString(0), r.GetInt64(1))))
        {
            result[sev] = n;
        }

        return result;
    }

    public void Dispose() => _source.Dispose();

    private IEnumerable<T> Stream<T>(string sql, Func<NpgsqlDataReader, T> map)
    {
        // Npgsql reads rows off the socket as the reader advances: nothing is buffered whole.
        using var conn = _source.OpenConnection();
        using var cmd = new NpgsqlCommand(sql, conn);
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            yield return map(reader);
        }
    }

    private static NpgsqlParameter Nullable(object? value, NpgsqlDbType type) => new() { Value = value ?? DBNull.Value, NpgsqlDbType = type };

    private static void WriteText(NpgsqlBinaryImporter copy, string? value)
    {
        if (value is null)
        {
            copy.WriteNull();
        }
        else
        {
            copy.Write(value, NpgsqlDbType.Text);
        }
    }

    private static void WriteNumeric(NpgsqlBinaryImporter copy, decimal? value)
    {
        if (value is null)
        {
            copy.WriteNull();
        }
        else
        {
            copy.Write(value.Value, NpgsqlDbType.Numeric);
        }
    }

    private static string Severity(FindingSeverity s) => s switch
    {
        FindingSeverity.Error => "error",
        FindingSeverity.Warning => "warning",
        _ => "info",
    };

    private void Migrate()
    {
        using var conn = _source.OpenConnection();
        using var tx = conn.BeginTransaction();
        using var cmd = new NpgsqlCommand(string.Create(CultureInfo.InvariantCulture, $"""
            SELECT pg_advisory_xact_lock({MigrationLock});
            CREATE TABLE IF NOT EXISTS ingest_meta (key text PRIMARY KEY, value text NOT NULL);
            INSERT INTO ingest_meta (key, value) VALUES ('schema_version', '{SchemaVersion}') ON CONFLICT (key) DO NOTHING;
            CREATE TABLE IF NOT EXISTS documents (
                id text COLLATE "C" PRIMARY KEY,
                source text NOT NULL,
                kind text, level text, year integer, organization text,
                tables integer NOT NULL, findings integer NOT NULL, errors integer NOT NULL,
                diagnostics integer NOT NULL, readable boolean NOT NULL,
                record jsonb NOT NULL,
                updated_at timestamptz NOT NULL
            );
            CREATE TABLE IF NOT EXISTS line_items (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                document_id text COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                table_index integer NOT NULL, table_type text NOT NULL, unit text NOT NULL,
                row_index integer NOT NULL, page integer NOT NULL, side text, line text,
                func_code text, econ_code text, name text NOT NULL,
                column_id text NOT NULL, amount numeric, printed text
            );
            CREATE INDEX IF NOT EXISTS ix_line_items_doc ON line_items(document_id);
            CREATE INDEX IF NOT EXISTS ix_line_items_func ON line_items(func_code);
            CREATE INDEX IF NOT EXISTS ix_line_items_econ ON line_items(econ_code);
            CREATE TABLE IF NOT EXISTS findings (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                document_id text COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                rule text NOT NULL, severity text NOT NULL, message text NOT NULL,
                expected numeric, printed numeric, difference numeric,
                page integer, table_type text, row_label text, column_id text
            );
            CREATE INDEX IF NOT EXISTS ix_findings_doc ON findings(document_id);
            CREATE TABLE IF NOT EXISTS fetch_state (url text COLLATE "C" PRIMARY KEY, status text NOT NULL, entry jsonb NOT NULL);
            """), conn, tx);
        cmd.ExecuteNonQuery();
        tx.Commit();
    }
}
