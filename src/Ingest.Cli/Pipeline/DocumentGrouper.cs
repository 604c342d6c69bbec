using Ingest.Core;
using Ingest.Core.Layout;
using Ingest.Core.Text;
using Ingest.Pdf;
using Ingest.Recognition;
using Microsoft.Extensions.Logging;

namespace Ingest.Cli.Pipeline;

/// <summary>
/// Finds documents published as two files (a narrative PDF and a tables PDF, as Jiangsu did in
/// 2017–2019): a file that opens with catalogue tables and a file that opens with text, naming the
/// same organization, year and kind, become one document. Reads only the first pages of each file.
/// </summary>
internal sealed class DocumentGrouper(PdfFileExtractor extractor, ILogger<DocumentGrouper> logger)
{
    private static readonly IReadOnlySet<int> FirstPages = new HashSet<int> { 1, 2, 3 };

    internal sealed record Probe(string Path, string? Organization, int? Year, string? Kind, bool OpensWithTables);

    public List<DocumentInput> Group(IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        var probes = files.Select(f => ProbeFile(f, cancellationToken)).ToList();
        var used = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<DocumentInput>();
        foreach (var narrative in probes.Where(p => !p.OpensWithTables))
        {
            var partners = probes.Where(t => t.OpensWithTables && !used.Contains(t.Path) && SameDocument(narrative, t)).ToList();
            if (partners.Count == 0)
            {
                // A tables file often names no organization at all; then the file names must say they belong together.
                partners = probes.Where(t => t.OpensWithTables && !used.Contains(t.Path) && SameYearAndKind(narrative, t)
                    && (narrative.Organization is null || t.Organization is null) && SiblingNames(narrative.Path, t.Path)).ToList();
            }

            if (partners.Count == 1)
            {
                used.Add(partners[0].Path);
                used.Add(narrative.Path);
                logger.LogInformation("Grouped {Narrative} and {Tables} as one document ({Organization} {Year})", narrative.Path, partners[0].Path, narrative.Organization, narrative.Year);
                result.Add(new DocumentInput([narrative.Path, partners[0].Path]));
            }
        }

        // Everything else stays a document of its own, in input order.
        foreach (var file in files)
        {
            if (!used.Contains(file))
            {
                result.Add(DocumentInput.Of(file));
            }
        }

        return result.OrderBy(d => files.ToList().IndexOf(d.Paths[0])).ToList();
    }

    internal Probe ProbeFile(string path, CancellationToken cancellationToken)
    {
        var file = extractor.Extract(path, FirstPages, cancellationToken);
        if (!file.Readable)
        {
            return new Probe(path, null, null, null, false);
        }

        var firstPage = file.Pages.FirstOrDefault(p => p.LetterCount > 0);
        var opensWithTables = firstPage is not null && firstPage.Tables.Any(t => TableTyper.FromTitle(t.Title) is { } typing && typing.Type != TableTypes.Unknown);
        var meta = MetadataReader.Read([file]);
        if (opensWithTables && meta.Year is null)
        {
            // A tables file rarely prints its year on the first pages; it is short, so read all of it.
            meta = MetadataReader.Read([extractor.Extract(path, null, cancellationToken)]);
        }

        return new Probe(path, meta.Organization, meta.Year, meta.Kind, opensWithTables);
    }

    /// <summary>Same organization, year and kind.</summary>
    internal static bool SameDocument(Probe a, Probe b) =>
        a.Year is not null && a.Year == b.Year
        && (a.Kind is null || b.Kind is null || a.Kind == b.Kind) && SameOrganization(a.Organization, b.Organization);

    private static bool SameYearAndKind(Probe a, Probe b) =>
        a.Year is not null && a.Year == b.Year && (a.Kind is null || b.Kind is null || a.Kind == b.Kind);

    private static readonly string[] PartMarkers =
        ["narrative", "tables", "table", "text", "说明", "文字", "文本", "表格", "报表", "附表", "公开表"];

    /// <summary>
    /// Two files of one folder whose names differ only by a part marker (<c>x_text.pdf</c> / <c>x_tables.pdf</c>,
    /// <c>…部门预算说明.pdf</c> / <c>…部门预算表格.pdf</c>).
    /// </summary>
    internal static bool SiblingNames(string a, string b)
    {
        if (!string.Equals(Path.GetDirectoryName(Path.GetFullPath(a)), Path.GetDirectoryName(Path.GetFullPath(b)), StringComparison.Ordinal))
        {
            return false;
        }

        static string Stem(string path)
        {
            var name = ChineseText.Fold(Path.GetFileNameWithoutExtension(path)).ToLowerInvariant();
            foreach (var marker in PartMarkers)
            {
                name = name.Replace(marker, "", StringComparison.Ordinal);
            }

            return new string(name.Where(char.IsLetterOrDigit).ToArray());
        }

        var x = Stem(a);
        return x.Length > 0 && x == Stem(b) && !string.Equals(a, b, StringComparison.Ordinal);
    }

    /// <summary>Names of one organization as documents print them (中国共产党江苏省委员会办公厅 / 江苏省委办公厅).</summary>
    internal static bool SameOrganization(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return false;
        }

        static string Norm(string s) => ChineseText.Compact(s).Replace("中国共产党", "中共", StringComparison.Ordinal).Replace("委员会", "委", StringComparison.Ordinal);
        var x = Norm(a);
        var y = Norm(b);
        return x == y || (x.Length >= 4 && y.Contains(x, StringComparison.Ordinal)) || (y.Length >= 4 && x.Contains(y, StringComparison.Ordinal));
    }
}
