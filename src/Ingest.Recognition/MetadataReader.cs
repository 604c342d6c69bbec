using System.Text.RegularExpressions;
using Ingest.Core.Layout;
using Ingest.Core.Text;

namespace Ingest.Recognition;

/// <summary>Document metadata as read from the cover, titles and captions.</summary>
internal sealed record DocumentMetadata(string? Kind, string? Level, int? Year, string? Organization);

/// <summary>Reads kind (budget/final_account), level (department/unit), year and organization.</summary>
internal static partial class MetadataReader
{
    [GeneratedRegex(@"(20[0-4]\d)\s*年")]
    private static partial Regex YearPattern();

    [GeneratedRegex(@"^(?:\d{4}年度?)?(?<org>.+?)(?:\d{4}年度?)?(?:部门|单位)?(?:预算|决算)")]
    private static partial Regex OrgBeforeKind();

    [GeneratedRegex(@"(?:部门名称|单位名称|编制单位|编报单位|预算单位|填报单位)[:：]\s*(?<org>[^\s单]+?(?:[^\s]*?))(?:\s|单位[:：]|$)")]
    private static partial Regex OrgCaption();

    public static DocumentMetadata Read(IReadOnlyList<ExtractedFile> files)
    {
        var headLines = new List<string>();
        var captions = new List<string>();
        foreach (var file in files)
        {
            foreach (var page in file.Pages.Take(3))
            {
                headLines.AddRange(page.Lines.Take(12).Select(l => ChineseText.Clean(l.Text)));
            }

            foreach (var table in file.Tables)
            {
                foreach (var fragment in table.Fragments.Take(1))
                {
                    captions.AddRange(fragment.Captions.Select(ChineseText.Clean));
                    if (fragment.Title is not null)
                    {
                        captions.Add(ChineseText.Clean(fragment.Title));
                    }
                }
            }
        }

        var titleLines = headLines.Where(l => l.Contains("预算", StringComparison.Ordinal) || l.Contains("决算", StringComparison.Ordinal)).ToList();
        var all = titleLines.Concat(captions).ToList();
        var final = titleLines.Exists(l => l.Contains("决算", StringComparison.Ordinal))
            || (!titleLines.Exists(l => l.Contains("预算", StringComparison.Ordinal)) && captions.Exists(l => l.Contains("决算", StringComparison.Ordinal)));
        string? kind = all.Count == 0 ? null : final ? "final_account" : "budget";
        var unitLevel = titleLines.Exists(l => ChineseText.Compact(l).Contains("单位预算", StringComparison.Ordinal) || ChineseText.Compact(l).Contains("单位决算", StringComparison.Ordinal));
        string? level = all.Count == 0 ? null : unitLevel ? "unit" : "department";

        int? year = null;
        foreach (var line in titleLines.Concat(captions))
        {
            var m = YearPattern().Match(line);
            if (m.Success)
            {
                year = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                break;
            }
        }

        return new DocumentMetadata(kind, level, year, Organization(titleLines, captions));
    }

    private static string? Organization(List<string> titleLines, List<string> captions)
    {
        var votes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var caption in captions)
        {
            var m = OrgCaption().Match(caption);
            if (m.Success)
            {
                var org = Trim(m.Groups["org"].Value);
                if (org.Length >= 3)
                {
                    votes[org] = votes.GetValueOrDefault(org) + 2;
                }
            }
        }

        foreach (var line in titleLines.Take(6))
        {
            var compact = ChineseText.Compact(line);
            if (compact.Contains("目录", StringComparison.Ordinal) || compact.Contains("说明", StringComparison.Ordinal) && compact.Length > 40)
            {
                continue;
            }

            var m = OrgBeforeKind().Match(compact);
            if (m.Success)
            {
                var org = Trim(m.Groups["org"].Value);
                if (org.Length >= 3 && !org.Contains('表', StringComparison.Ordinal))
                {
                    votes[org] = votes.GetValueOrDefault(org) + 1;
                }
            }
        }

        return votes.Count == 0 ? null : votes.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key.Length).First().Key;
    }

    private static string Trim(string org)
    {
        var t = ChineseText.Compact(org).Trim('(', ')', '（', '）', ':', '：');
        foreach (var suffix in new[] { "年度", "年", "部门", "单位", "本级" })
        {
            if (t.EndsWith(suffix, StringComparison.Ordinal) && t.Length > suffix.Length + 2)
            {
                t = t[..^suffix.Length];
            }
        }

        t = YearPattern().Replace(t, "");
        return t;
    }
}
