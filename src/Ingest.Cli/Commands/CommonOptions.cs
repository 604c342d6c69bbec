using System.CommandLine;

namespace Ingest.Cli.Commands;

internal static class CommonOptions
{
    public const string DefaultStore = "data/ingest.db";

    public static Option<string> Store() => new("--store")
    {
        Description = "Record store: a SQLite file path (default data/ingest.db) or a PostgreSQL connection string (Host=…;Database=… or postgresql://…)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("INGEST_STORE") ?? DefaultStore,
    };

    public static Option<string?> Output() => new("--output", "-o") { Description = "Write to this file instead of stdout" };

    public static Option<int> Workers() => new("--workers", "-j")
    {
        Description = "Documents processed in parallel (one open document per worker)",
        DefaultValueFactory = _ => Environment.ProcessorCount,
    };

    public static Option<bool> Group() => new("--group")
    {
        Description = "Join a narrative PDF and a tables PDF of the same organization, year and kind into one document (default on; --group false to turn off)",
        DefaultValueFactory = _ => true,
    };

    public static Argument<string[]> Inputs(string description)
    {
        var argument = new Argument<string[]>("inputs") { Description = description, Arity = ArgumentArity.OneOrMore };
        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (token.Value.StartsWith('-') && token.Value.Length > 1)
                {
                    result.AddError($"unknown option '{token.Value}'");
                }
            }
        });
        return argument;
    }

    /// <summary>Parses page selections such as "1-3,7".</summary>
    public static IReadOnlySet<int>? Pages(string? spec)
    {
        if (string.IsNullOrWhiteSpace(spec) || spec == "all")
        {
            return null;
        }

        var pages = new HashSet<int>();
        foreach (var part in spec.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var dash = part.IndexOf('-', StringComparison.Ordinal);
            if (dash < 0)
            {
                pages.Add(ParsePage(part));
                continue;
            }

            var from = ParsePage(part[..dash]);
            var to = ParsePage(part[(dash + 1)..]);
            if (to < from)
            {
                throw new UsageException($"bad page range '{part}'");
            }

            for (var p = from; p <= to; p++)
            {
                pages.Add(p);
            }
        }

        return pages;
    }

    private static int ParsePage(string text) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var p) && p >= 1
            ? p
            : throw new UsageException($"bad page number '{text}' in --pages");
}
