using System.Text;
using System.Text.RegularExpressions;

namespace Ingest.Cli.Pipeline;

/// <summary>Expands command-line inputs (files, folders, globs) into an ordered, de-duplicated list of files.</summary>
internal static class InputExpander
{
    /// <summary>
    /// Splits command-line inputs into local PDF files (expanded) and remote inputs (URLs, URL lists,
    /// manifests), warning on stderr about patterns that matched nothing. Throws a usage error when nothing is left.
    /// </summary>
    public static (List<string> Files, List<string> Remote) Split(IReadOnlyList<string> inputs, TextWriter stderr)
    {
        var remote = inputs.Where(RemoteInputs.IsRemote).ToList();
        var files = Expand(inputs.Except(remote), out var missing);
        foreach (var m in missing)
        {
            stderr.WriteLine($"warning: no PDF matched '{m}'");
        }

        if (files.Count == 0 && remote.Count == 0)
        {
            throw new UsageException("no input files");
        }

        return (files, remote);
    }

    public static List<string> Expand(IEnumerable<string> inputs, out List<string> missing)
    {
        var files = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        missing = [];
        foreach (var input in inputs)
        {
            var matched = Resolve(input).ToList();
            if (matched.Count == 0)
            {
                missing.Add(input);
            }

            foreach (var file in matched)
            {
                var full = Path.GetFullPath(file);
                if (seen.Add(full))
                {
                    files.Add(full);
                }
            }
        }

        return files;
    }

    private static IEnumerable<string> Resolve(string input)
    {
        if (Directory.Exists(input))
        {
            return Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal);
        }

        if (input.IndexOfAny(['*', '?']) < 0)
        {
            // A path that does not exist is still an input: it becomes a record with a diagnostic.
            return [input];
        }

        var full = Path.GetFullPath(input);
        var segments = full.Split(Path.DirectorySeparatorChar);
        var firstWild = Array.FindIndex(segments, s => s.IndexOfAny(['*', '?']) >= 0);
        var root = string.Join(Path.DirectorySeparatorChar, segments.Take(firstWild));
        if (root.Length == 0)
        {
            root = Path.DirectorySeparatorChar.ToString();
        }

        if (!Directory.Exists(root))
        {
            return [];
        }

        var regex = GlobToRegex(full);
        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Where(f => regex.IsMatch(f)).Order(StringComparer.Ordinal);
    }

    internal static Regex GlobToRegex(string glob)
    {
        var sb = new StringBuilder("^");
        for (var i = 0; i < glob.Length; i++)
        {
            var ch = glob[i];
            if (ch == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                sb.Append(".*");
                i++;
                if (i + 1 < glob.Length && glob[i + 1] == '/')
                {
                    i++;
                    sb.Append("/?");
                }
            }
            else if (ch == '*')
            {
                sb.Append("[^/]*");
            }
            else if (ch == '?')
            {
                sb.Append("[^/]");
            }
            else
            {
                sb.Append(Regex.Escape(ch.ToString()));
            }
        }

        return new Regex(sb.Append('$').ToString(), RegexOptions.CultureInvariant);
    }
}
