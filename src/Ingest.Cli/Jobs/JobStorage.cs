using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Ingest.Storage;

namespace Ingest.Cli.Jobs;

/// <summary>Hangfire's job storage in the same PostgreSQL database as the records (schema <c>hangfire</c>).</summary>
internal static class IngestJobStorage
{
    public const string Queue = "default";

    /// <summary>How long a job fetched by a worker that stopped heart-beating (killed) stays invisible before another worker takes it.</summary>
    public static readonly TimeSpan DefaultInvisibilityTimeout = TimeSpan.FromMinutes(2);

    private static readonly Lock Gate = new();
    private static bool _configured;

    public static PostgreSqlStorage Open(string store, TimeSpan? invisibilityTimeout = null)
    {
        if (!RecordStores.IsPostgres(store))
        {
            throw new UsageException("the job queue lives in PostgreSQL: give --store a PostgreSQL connection string (Host=…;Database=… or postgresql://…); for a local run use 'ingest run'");
        }

        ConfigureOnce();
        var options = new PostgreSqlStorageOptions
        {
            SchemaName = "hangfire",
            PrepareSchemaIfNecessary = true,
            QueuePollInterval = TimeSpan.FromMilliseconds(500),
            InvisibilityTimeout = invisibilityTimeout ?? DefaultInvisibilityTimeout,
            // A running job keeps its fetch fresh, so long documents are not re-delivered; a killed worker stops
            // refreshing and its job becomes visible again after the timeout.
            UseSlidingInvisibilityTimeout = true,
            DistributedLockTimeout = TimeSpan.FromMinutes(1),
        };
        var connection = PostgresConnection.Normalize(store);
        try
        {
            return new PostgreSqlStorage(new NpgsqlConnectionFactory(connection, options), options);
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or InvalidOperationException or TimeoutException)
        {
            throw new StoreUnavailableException($"cannot open the job storage in {PostgresConnection.Redact(store)}: {ex.Message}", ex);
        }
    }

    /// <summary>Serializer settings shared by every process that enqueues or performs jobs.</summary>
    private static void ConfigureOnce()
    {
        lock (Gate)
        {
            if (_configured)
            {
                return;
            }

            GlobalConfiguration.Configuration
                .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            _configured = true;
        }
    }
}
