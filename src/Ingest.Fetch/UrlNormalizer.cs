namespace Ingest.Fetch;

/// <summary>Canonical form of a URL, used as the key of the fetch state and for de-duplication.</summary>
internal static class UrlNormalizer
{
    /// <summary>
    /// Parses an absolute URL written with an explicit scheme and returns it without fragment, with the host lower-cased and
    /// non-ASCII characters percent-encoded. False for relative or malformed text (a bare path like <c>/etc/x</c>,
    /// which .NET would otherwise read as a file URL).
    /// </summary>
    public static bool TryNormalize(string? text, out Uri uri, out string canonical)
    {
        uri = null!;
        canonical = "";
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed) || !HasScheme(trimmed) || !Uri.TryCreate(trimmed, UriKind.Absolute, out var parsed))
        {
            return false;
        }

        if (parsed.Fragment.Length > 0)
        {
            var builder = new UriBuilder(parsed) { Fragment = "" };
            parsed = builder.Uri;
        }

        uri = parsed;
        canonical = parsed.AbsoluteUri;
        return true;
    }

    /// <summary>The key a per-host resilience pipeline is cached under: scheme-less host and port.</summary>
    public static string HostKey(Uri uri) => uri.IdnHost.ToLowerInvariant() + ":" + uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static bool IsAllowedScheme(Uri uri) => FetchOptions.AllowedSchemes.Contains(uri.Scheme);

    private static bool HasScheme(string text)
    {
        // RFC 3986: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"
        if (!char.IsAsciiLetter(text[0]))
        {
            return false;
        }

        for (int i = 1; i < text.Length; i++)
        {
            char c = text[i];
            if (c == ':')
            {
                return true;
            }

            if (!char.IsAsciiLetterOrDigit(c) && c != '+' && c != '-' && c != '.')
            {
                return false;
            }
        }

        return false;
    }
}
