using System.Globalization;
using Npgsql;

namespace Ingest.Storage;

/// <summary>PostgreSQL connection strings: URLs (<c>postgresql://user:pass@host:port/db?sslmode=…</c>) become Npgsql keyword strings.</summary>
public static class PostgresConnection
{
    public static string Normalize(string store)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(store);
        var s = store.Trim();
        if (!s.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) && !s.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return new NpgsqlConnectionStringBuilder(s).ConnectionString;
        }

        if (!Uri.TryCreate(s, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new FormatException("not a PostgreSQL URL (expected postgresql://user:password@host:port/database)");
        }

        var b = new NpgsqlConnectionStringBuilder { Host = uri.Host };
        if (uri.Port > 0)
        {
            b.Port = uri.Port;
        }

        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            b.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0)
            {
                b.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
            }
        }

        var db = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (db.Length > 0)
        {
            b.Database = db;
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]);
            var value = eq < 0 ? "" : Uri.UnescapeDataString(pair[(eq + 1)..]);
            b[key.Equals("sslmode", StringComparison.OrdinalIgnoreCase) ? "SSL Mode" : key] = value;
        }

        return b.ConnectionString;
    }

    /// <summary>A form safe to print: <c>postgresql://user@host:port/database</c>, never the password.</summary>
    public static string Redact(string store)
    {
        try
        {
            var b = new NpgsqlConnectionStringBuilder(store.StartsWith("postgres", StringComparison.OrdinalIgnoreCase) && store.Contains("://", StringComparison.Ordinal) ? Normalize(store) : store);
            var user = string.IsNullOrEmpty(b.Username) ? "" : b.Username + "@";
            return string.Create(CultureInfo.InvariantCulture, $"postgresql://{user}{b.Host}:{b.Port}/{b.Database}");
        }
        catch (ArgumentException)
        {
            return "postgresql://…";
        }
        catch (FormatException)
        {
            return "postgresql://…";
        }
    }
}
