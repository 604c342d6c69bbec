using Npgsql;

namespace Ingest.Tests.Common;

/// <summary>
/// A private PostgreSQL database for one test, created from the server named by <c>INGEST_TEST_POSTGRES</c>
/// (e.g. <c>Host=127.0.0.1;Username=ingest;Password=ingest;Database=ingest_test</c>; the role needs CREATEDB)
/// and dropped afterwards. When the variable is unset or the server is unreachable, the test is skipped
/// with the reason, and the reason is appended to the file named by <c>INGEST_TEST_SKIP_LOG</c> (scripts/test.sh prints it).
/// </summary>
internal sealed class PostgresTestDatabase : IDisposable
{
    public const string Variable = "INGEST_TEST_POSTGRES";

    private static readonly Lazy<string?> Unavailable = new(Probe);
    private readonly string _admin;

    private PostgresTestDatabase(string admin, string name)
    {
        _admin = admin;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    /// <summary>Why PostgreSQL tests cannot run here, or null when they can.</summary>
    public static string? SkipReason => Unavailable.Value;

    /// <summary>Creates a fresh database, or skips the calling test when there is no server.</summary>
    public static PostgresTestDatabase Create()
    {
        Skip.If(SkipReason is not null, SkipReason);
        var admin = Environment.GetEnvironmentVariable(Variable)!;
        var name = "ingest_t_" + Guid.NewGuid().ToString("N")[..16];
        using (var conn = new NpgsqlConnection(admin))
        {
            conn.Open();
            using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", conn);
            cmd.ExecuteNonQuery();
        }

        return new PostgresTestDatabase(admin, name);
    }

    public long Scalar(string sql)
    {
        using var conn = new NpgsqlConnection(ConnectionString);
        conn.Open();
        using var cmd = new NpgsqlCommand(sql, conn);
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var conn = new NpgsqlConnection(_admin);
                conn.Open();
                using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", conn);
                cmd.ExecuteNonQuery();
                return;
            }
            catch (PostgresException) when (attempt < 10)
            {
                // Backends of a worker that just exited may still be closing.
                Thread.Sleep(1000);
            }
        }
    }

    private static string? Probe()
    {
        var admin = Environment.GetEnvironmentVariable(Variable);
        string? reason = null;
        if (string.IsNullOrWhiteSpace(admin))
        {
            reason = $"PostgreSQL tests skipped: {Variable} is not set (.ci/run installs and starts PostgreSQL and sets it)";
        }
        else
        {
            try
            {
                using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(admin) { Timeout = 5 }.ConnectionString);
                conn.Open();
            }
            catch (Exception ex) when (ex is NpgsqlException or ArgumentException or InvalidOperationException or TimeoutException)
            {
                reason = $"PostgreSQL tests skipped: cannot connect with {Variable} ({ex.GetType().Name}: {ex.Message})";
            }
        }

        if (reason is not null && Environment.GetEnvironmentVariable("INGEST_TEST_SKIP_LOG") is { Length: > 0 } log)
        {
            File.AppendAllText(log, reason + Environment.NewLine);
        }

        return reason;
    }
}
