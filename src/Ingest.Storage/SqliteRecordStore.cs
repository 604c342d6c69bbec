using System.Globalization;
using System.Text.Json;
using Ingest.Core.Pipeline;
using Ingest.Core.Records;
using Microsoft.Data.Sqlite;

namespace Ingest.Storage;

/// <summary>
/// The embedded default store: one SQLite file (WAL) holding each record as JSON, plus queryable
/// line items and findings. Writes are keyed by document id: re-ingesting replaces, never duplicates.
/// </summary>
public sealed class SqliteRecordStore : IIngestStore
{
    private const int SchemaVersion = 1;
    private readonly SqliteConnection _connection;
    private readonly Lock _gate = new();

    public SqliteRecordStore(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(dir))
        {
            Directory.CreateDirectory(dir);
        }

        Location = full;
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        _connection.Open();
        Execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000;");
        Migrate();
    }

    public string Location { get; }

    public void Upsert(DocumentRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentException.ThrowIfNullOrEmpty(record.Id);
        var json = RecordJson.Serialize(record);
        lock (_gate)
        {
            using var tx = _connection.BeginTransaction();
            Run(tx, "DELETE FROM documents WHERE id = $id", ("$id", record.Id));
            Run(tx, """
                INSERT INTO documents (id, source, kind, level, year, organization, tables, findings, errors, diagnostics, readable, json, updated_at)
                VALUES ($id, $source, $kind, $level, $year, $org, $tables, $findings, $errors, $diag, $readable, $json, $updated)
                """,
                ("$id", record.Id), ("$source", record.Source), ("$kind", record.Kind), ("$level", record.Level),
                ("$year", record.Year), ("$org", record.Organization), ("$tables", record.Tables.Count),
                ("$findings", record.Findings.Count),
                ("$errors", record.Findings.Count(f => f.Severity == FindingSeverity.Error)),
                ("$diag", record.Diagnostics.Count), ("$readable", record.HasReadFailure ? 0 : 1),
                ("$json", json), ("$updated", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture)));

            using (var insert = _connection.CreateCommand())
            {
                insert.Transaction = tx;
                insert.CommandText = """
                    INSERT INTO line_items (document_id, table_index, table_type, unit, row_index, page, side, line, func_code, econ_code, name, column_id, amount, printed)
                    VALUES ($doc, $t, $type, $unit, $row, $page, $side, $line, $func, $econ, $name, $col, $amount, $printed)
                    """;
                var p = new Dictionary<string, SqliteParameter>();
                foreach (var name in new[] { "$doc", "$t", "$type", "$unit", "$row", "$page", "$side", "$line", "$func", "$econ", "$name", "$col", "$amount", "$printed" })
                {
                    p[name] = insert.Parameters.Add(name, SqliteType.Text);
                }

                insert.Prepare();
                for (var t = 0; t < record.Tables.Count; t++)
                {
                    var table = record.Tables[t];
                    foreach (var row in table.Rows)
                    {
                        foreach (var (column, amount) in row.Values)
                        {
                            p["$doc"].Value = record.Id;
                            p["$t"].Value = t;
                            p["$type"].Value = table.Type;
                            p["$unit"].Value = table.Unit;
                            p["$row"].Value = row.Index;
                            p["$page"].Value = row.Page;
                            p["$side"].Value = (object?)row.Side ?? DBNull.Value;
                            p["$line"].Value = (object?)row.Line ?? DBNull.Value;
                            p["$func"].Value = (object?)row.FuncCode ?? DBNull.Value;
                            p["$econ"].Value = (object?)row.EconCode ?? DBNull.Value;
                            p["$name"].Value = row.Name;
                            p["$col"].Value = column;
                            p["$amount"].Value = amount is null ? DBNull.Value : amount.Value.ToString(CultureInfo.InvariantCulture);
                            p["$printed"].Value = row.Printed.TryGetValue(column, out var printed) ? printed : DBNull.Value;
                            insert.ExecuteNonQuery();
                        }
                    }
                }
            }

            foreach (var f in record.Findings)
            {
                var loc = f.Locations.Count > 0 ? f.Locations[0] : null;
                Run(tx, """
                    INSERT INTO findings (document_id, rule, severity, message, expected, printed, difference, page, table_type, row_label, column_id)
                    VALUES ($doc, $rule, $sev, $msg, $exp, $pr, $diff, $page, $table, $row, $col)
                    """,
                    ("$doc", record.Id), ("$rule", f.Rule), ("$sev", Severity(f.Severity)), ("$msg", f.Message),
                    ("$exp", Dec(f.Expected)), ("$pr", Dec(f.Printed)), ("$diff", Dec(f.Difference)),
                    ("$page", loc?.Page), ("$table", loc?.Table), ("$row", loc?.RowLabel), ("$col", loc?.Column));
            }

            tx.Commit();
        }
    }

    public DocumentRecord? Get(string id)
    {
        lock (_gate)
        {
            using var cmd = _connection.CreateCommand();
            cmd.CommandText = "SELECT json FROM documents WHERE id = $id";
            cmd.Parameters.AddWithValue("$id", id);
            return cmd.ExecuteScalar() is string json ? RecordJson.Deserialize(json) : null;
        }
    }

    public long Count()
    {
        lock (_gate)
        {
            using var cmd = _connection.CreateCommand();
            cmd.CommandText = "SELECT COUNT(*) FROM documents";
            return (long)cmd.ExecuteScalar()!;
        }
    }

    public IEnumerable<DocumentRecord> All()
    {
        foreach (var json in Stream("SELECT json FROM documents ORDER BY id", r => r.GetString(0)))
        {
            yield return RecordJson.Deserialize(json);
        }
    }

    /// <summary>Line items as flat rows, streamed (for CSV/Parquet exports).</summary>
    public IEnumerable<LineItem> LineItems() => Stream(LineItemQuery.Sql,
        r => LineItemQuery.Read(r, x => decimal.Parse(x.GetString(14), NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture)));

    public FetchEntry? GetFetch(string url)
    {
        lock (_gate)
        {
            using var cmd = _connection.CreateCommand();
            cmd.CommandText = "SELECT json FROM fetch_state WHERE url = $url";
            cmd.Parameters.AddWithValue("$url", url);
            return cmd.ExecuteScalar() is string json ? JsonSerializer.Deserialize<FetchEntry>(json, RecordJson.Options) : null;
        }
    }

    public void PutFetch(FetchEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_gate)
        {
            using var tx = _connection.BeginTransaction();
            Run(tx, "INSERT INTO fetch_state (url, status, json) VALUES ($url, $status, $json) ON CONFLICT(url) DO UPDATE SET status = excluded.status, json = excluded.json",
                ("$url", entry.Url), ("$status", entry.Status.ToString()), ("$json", JsonSerializer.Serialize(entry, RecordJson.Options)));
            tx.Commit();
        }
    }

    public IEnumerable<FetchEntry> AllFetches() =>
        Stream("SELECT json FROM fetch_state ORDER BY url", r => JsonSerializer.Deserialize<FetchEntry>(r.GetString(0), RecordJson.Options)!);

    /// <summary>Counts by severity of findings across the store, for summaries.</summary>
    public IReadOnlyDictionary<string, long> FindingCounts()
    {
        var result = new Dictionary<string, long>();
        foreach (var (sev, n) in Stream("SELECT severity, COUNT(*) FROM findings GROUP BY severity", r => (r.GetString(0), r.GetInt64(1))))
        {
            result[sev] = n;
        }

        return result;
    }

    public void Dispose()
    {
        _connection.Dispose();
    }

    private IEnumerable<T> Stream<T>(string sql, Func<SqliteDataReader, T> map)
    {
        // A separate read connection so that streaming does not hold the writer's lock.
        using var conn = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Location, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            yield return map(reader);
        }
    }

    private static string Severity(FindingSeverity s) => s switch
    {
        FindingSeverity.Error => "error",
        FindingSeverity.Warning => "warning",
        _ => "info",
    };

    private static string? Dec(decimal? d) => d?.ToString(CultureInfo.InvariantCulture);

    private void Migrate()
    {
        Execute($"""
            CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            INSERT OR IGNORE INTO meta (key, value) VALUES ('schema_version', '{SchemaVersion}');
            CREATE TABLE IF NOT EXISTS documents (
                id TEXT PRIMARY KEY,
                source TEXT NOT NULL,
                kind TEXT, level TEXT, year INTEGER, organization TEXT,
                tables INTEGER NOT NULL, findings INTEGER NOT NULL, errors INTEGER NOT NULL,
                diagnostics INTEGER NOT NULL, readable INTEGER NOT NULL,
                json TEXT NOT NULL,
                updated_at TEXT NOT NULL
            );
            CREATE TABLE IF NOT EXISTS line_items (
                id INTEGER PRIMARY KEY,
                document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                table_index INTEGER NOT NULL, table_type TEXT NOT NULL, unit TEXT NOT NULL,
                row_index INTEGER NOT NULL, page INTEGER NOT NULL, side TEXT, line TEXT,
                func_code TEXT, econ_code TEXT, name TEXT NOT NULL,
                column_id TEXT NOT NULL, amount TEXT, printed TEXT
            );
            CREATE INDEX IF NOT EXISTS ix_line_items_doc ON line_items(document_id);
            CREATE INDEX IF NOT EXISTS ix_line_items_func ON line_items(func_code);
            CREATE INDEX IF NOT EXISTS ix_line_items_econ ON line_items(econ_code);
            CREATE TABLE IF NOT EXISTS findings (
                id INTEGER PRIMARY KEY,
                document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                rule TEXT NOT NULL, severity TEXT NOT NULL, message TEXT NOT NULL,
                expected TEXT, printed TEXT, difference TEXT,
                page INTEGER, table_type TEXT, row_label TEXT, column_id TEXT
            );
            CREATE INDEX IF NOT EXISTS ix_findings_doc ON findings(document_id);
            CREATE TABLE IF NOT EXISTS fetch_state (url TEXT PRIMARY KEY, status TEXT NOT NULL, json TEXT NOT NULL);
            """);
    }

    private void Execute(string sql)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private void Run(SqliteTransaction tx, string sql, params (string Name, object? Value)[] args)
    {
        using var cmd = _connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var (name, value) in args)
        {
            cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        cmd.ExecuteNonQuery();
    }
}
