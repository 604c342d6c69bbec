using System.Text;

namespace Ingest.Fetch;

/// <summary>The requests read from a URL list or manifest, de-duplicated, in first-seen order.</summary>
internal sealed class UrlList
{
    public IReadOnlyList<FetchRequest> Requests { get; init; } = [];

    /// <summary>True when the input was a CSV manifest with a header.</summary>
    public bool IsManifest { get; init; }

    /// <summary>Lines or rows dropped because their URL was already listed.</summary>
    public int DuplicatesRemoved { get; init; }

    /// <summary>Rows that were skipped or odd (no url cell, extra cells), with their line numbers.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

/// <summary>
/// Reads the input of <c>ingest fetch</c>: either a plain list (one URL a line, <c>#</c> comment lines, blank lines) or a
/// CSV manifest whose header names a <c>url</c> column and any of <c>organization,year,kind,level,group</c> (other
/// columns are kept as metadata too). The file is UTF-8 (with or without BOM); a file that is not valid UTF-8 is read
/// as GB18030 (manifests saved by Excel on Chinese Windows). URLs are de-duplicated on their canonical form
/// (<see cref="UrlNormalizer"/>); the first occurrence and its metadata win. Text that is not a URL is passed through
/// unchanged so that the fetcher records it as failed <c>invalid_url</c>.
/// </summary>
internal static class UrlListReader
{
    /// <summary>Metadata columns the manifest format defines.</summary>
    public static IReadOnlyList<string> KnownColumns { get; } = ["organization", "year", "kind", "level", "group"];

    public static UrlList Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var text = Decode(File.ReadAllBytes(path));
        bool? csv = path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? true : null;
        return Parse(text, csv);
    }

    /// <summary>Parses list or manifest text; <paramref name="csv"/> null = detect (a first row with a <c>url</c> cell is a header).</summary>
    public static UrlList Parse(string text, bool? csv = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        bool isCsv = csv ?? LooksLikeManifest(text);
        return isCsv ? ParseManifest(text) : ParsePlain(text);
    }

    internal static string Decode(byte[] bytes)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding("GB18030").GetString(bytes);
        }
    }

    private static bool LooksLikeManifest(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            var t = line.Trim();
            if (t.Length == 0 || t[0] == '#')
            {
                continue;
            }

            return ParseCsvRecords(t).FirstOrDefault() is { } header &&
                   header.Any(c => string.Equals(c.Trim(), "url", StringComparison.OrdinalIgnoreCase));
        }

        return false;
    }

    private static UrlList ParsePlain(string text)
    {
        var builder = new Builder();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            builder.Add(line, new Dictionary<string, string>(StringComparer.Ordinal));
        }

        return builder.Build(isManifest: false);
    }

    private static UrlList ParseManifest(string text)
    {
        var builder = new Builder();
        string[]? header = null;
        int urlIndex = -1;
        int recordNo = 0;
        foreach (var record in ParseCsvRecords(text))
        {
            recordNo++;
            if (record.All(string.IsNullOrWhiteSpace) || record[0].TrimStart().StartsWith('#'))
            {
                continue;
            }

            if (header is null)
            {
                header = record.Select(c => c.Trim().ToLowerInvariant()).ToArray();
                urlIndex = Array.IndexOf(header, "url");
                if (urlIndex < 0)
                {
                    throw new FormatException("Manifest header has no 'url' column: " + string.Join(",", header));
                }

                continue;
            }

            if (urlIndex >= record.Count || string.IsNullOrWhiteSpace(record[urlIndex]))
            {
                builder.Warnings.Add($"record {recordNo}: no url, skipped");
                continue;
            }

            if (record.Count > header.Length)
            {
                builder.Warnings.Add($"record {recordNo}: {record.Count} cells but {header.Length} columns; extra cells ignored");
            }

            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            for (int i = 0; i < header.Length && i < record.Count; i++)
            {
                var value = record[i].Trim();
                if (i != urlIndex && header[i].Length > 0 && value.Length > 0)
                {
                    metadata[header[i]] = value;
                }
            }

            builder.Add(record[urlIndex].Trim(), metadata);
        }

        return builder.Build(isManifest: true);
    }

    /// <summary>RFC 4180 records: comma separated, double-quoted cells may hold commas, quotes ("") and line breaks.</summary>
    internal static IEnumerable<List<string>> ParseCsvRecords(string text)
    {
        var record = new List<string>();
        var cell = new StringBuilder();
        bool quoted = false;
        bool any = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        cell.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    cell.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    quoted = true;
                    any = true;
                    break;
                case ',':
                    record.Add(cell.ToString());
                    cell.Clear();
                    any = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    record.Add(cell.ToString());
                    cell.Clear();
                    yield return record;
                    record = [];
                    any = false;
                    break;
                default:
                    cell.Append(c);
                    any = true;
                    break;
            }
        }

        if (any || cell.Length > 0)
        {
            record.Add(cell.ToString());
            yield return record;
        }
    }

    private sealed class Builder
    {
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
        private readonly List<FetchRequest> _requests = [];
        private int _duplicates;

        public List<string> Warnings { get; } = [];

        public void Add(string url, Dictionary<string, string> metadata)
        {
            var key = UrlNormalizer.TryNormalize(url, out _, out var canonical) ? canonical : url;
            if (!_seen.Add(key))
            {
                _duplicates++;
                return;
            }

            _requests.Add(new FetchRequest(key, metadata));
        }

        public UrlList Build(bool isManifest) => new()
        {
            Requests = _requests,
            IsManifest = isManifest,
            DuplicatesRemoved = _duplicates,
            Warnings = Warnings,
        };
    }
}
