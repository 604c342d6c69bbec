using Npgsql;

namespace Ingest.Storage.Tests;

public sealed class RecordStoresTests
{
    [Theory]
    [InlineData("data/ingest.db", false)]
    [InlineData("Host=127.0.0.1;Username=ingest;Password=ingest;Database=ingest", true)]
    [InlineData("host=db;database=ingest", true)]
    [InlineData("postgres://u:p@db/ingest", true)]
    [InlineData("postgresql://db:5433/ingest", true)]
    [InlineData("C:\\data\\ingest.db", false)]
    public void Store_values_name_sqlite_files_or_postgres(string store, bool postgres) =>
        Assert.Equal(postgres, RecordStores.IsPostgres(store));

    [Fact]
    public void Postgres_urls_become_npgsql_connection_strings()
    {
        var b = new NpgsqlConnectionStringBuilder(PostgresConnection.Normalize("postgresql://ingest:p%40ss@db.example:5433/ingest_test?sslmode=disable"));
        Assert.Equal("db.example", b.Host);
        Assert.Equal(5433, b.Port);
        Assert.Equal("ingest", b.Username);
        Assert.Equal("p@ss", b.Password);
        Assert.Equal("ingest_test", b.Database);
        Assert.Equal(SslMode.Disable, b.SslMode);
    }

    [Fact]
    public void Printed_locations_never_show_the_password()
    {
        Assert.Equal("postgresql://ingest@db:5432/x", PostgresConnection.Redact("Host=db;Username=ingest;Password=secret;Database=x"));
        Assert.Equal("postgresql://ingest@db:5432/x", PostgresConnection.Redact("postgres://ingest:secret@db/x"));
        Assert.Throws<FormatException>(() => PostgresConnection.Normalize("postgres://"));
    }
}
