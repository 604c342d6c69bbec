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

    [GeneratedRegex(@"(?:预算主管部门|主管部门|部门名称|单位名称|编制部门|编制单位|编报单位|预算单位|填报单位|^部门)\s*[:：]\s*(?<org>[^\s:：]+?)(?:\s|金额单位|单位\s*[:：]|$)")]
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

        return new DocumentMetadata(kind, level, year, Organization(titleLines, captions, headLines));
    }

    private static string? Organization(List<string> titleLines, List<string> captions, List<string> headLines)
    {
        var votes = new Dictionary<string, int>(StringComparer.Ordinal);
        void Vote(string raw, int weight)
        {
            var org = Trim(raw);
            if (org.Length >= 3 && !org.Contains('表', StringComparison.Ordinal) && !IsPlaceOnly(org))
            {
                votes[org] = votes.GetValueOrDefault(org) + weight;
            }
        }

        foreach (var line in headLines)
        {
            if (OrgCaption().Match(line) is { Success: true } m)
            {
                Vote(m.Groups["org"].Value, 3);
            }
        }

        for (var i = 0; i < captions.Count; i++)
        {
            if (OrgCaption().Match(captions[i]) is { Success: true } m)
            {
                Vote(m.Groups["org"].Value, 2);
            }
            else if (EmptyOrgKey(captions[i]))
            {
                // "部门：" with the name in a caption line of its own ("公开表一" may stand between).
                var next = captions.Skip(i + 1).Take(2).FirstOrDefault(c => !c.Contains('表', StringComparison.Ordinal) && !c.Contains("单位", StringComparison.Ordinal));
                if (next is not null)
                {
                    Vote(next, 2);
                }
            }
        }

        for (var i = 0; i < Math.Min(headLines.Count, 8); i++)
        {
            var compact = ChineseText.Compact(headLines[i]);
            if (!(compact.Contains("预算", StringComparison.Ordinal) || compact.Contains("决算", StringComparison.Ordinal)) || compact.Contains("目录", StringComparison.Ordinal)
                || IsHeading(compact))
            {
                continue;
            }

            // A cover split over two lines: "江苏省政协办公厅 2018 年度" / "部门预算公开".
            if (i > 0 && KindOpening(compact))
            {
                var joined = ChineseText.Compact(headLines[i - 1]) + compact;
                if (OrgBeforeKind().Match(joined) is { Success: true } j && Trim(j.Groups["org"].Value) is { Length: >= 3 } org2 && !IsPlaceOnly(org2) && !IsHeading(org2))
                {
                    Vote(org2, 1);
                    continue;
                }
            }

            var m = OrgBeforeKind().Match(compact);
            var org = m.Success ? Trim(m.Groups["org"].Value) : "";
            if (org.Length >= 3 && !IsPlaceOnly(org) && !org.Contains("区级", StringComparison.Ordinal) && !org.Contains("市级", StringComparison.Ordinal) && !org.Contains("省级", StringComparison.Ordinal))
            {
                Vote(org, 1);
            }
            else if (i > 0)
            {
                // Cover: the organization on its own line above "2019年度部门预算公开".
                var previous = ChineseText.Compact(headLines[i - 1]);
                if (previous.Length is >= 4 and <= 40 && !previous.Any(char.IsAsciiDigit) && !IsHeading(previous))
                {
                    Vote(previous, 1);
                }
            }
        }

        // Organization names are written with full-width brackets, as printed: 伊滨经开区（示范区）….
        return votes.Count == 0 ? null : votes.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key.Length).First().Key
            .Replace('(', '（').Replace(')', '）');
    }

    private static bool EmptyOrgKey(string caption)
    {
        var t = ChineseText.Compact(caption).TrimEnd(':', '：');
        return t is "部门" or "部门名称" or "单位" or "单位名称" or "编制部门" or "编制单位" or "预算单位" or "预算主管部门";
    }

    private static bool KindOpening(string compact) =>
        compact.StartsWith("部门预算", StringComparison.Ordinal) || compact.StartsWith("部门决算", StringComparison.Ordinal)
        || compact.StartsWith("单位预算", StringComparison.Ordinal) || compact.StartsWith("单位决算", StringComparison.Ordinal);

    /// <summary>Section headings (一、… 第二部分 …) and table titles are not covers.</summary>
    private static bool IsHeading(string compact) =>
        compact.StartsWith('第') || compact.Contains('、', StringComparison.Ordinal) || compact.Contains("情况", StringComparison.Ordinal)
        || compact.Contains("说明", StringComparison.Ordinal) || compact.EndsWith('表') || (compact.Length > 0 && "一二三四五六七八九十(（".Contains(compact[0], StringComparison.Ordinal));

    private static bool IsPlaceOnly(string org) =>
        (org.EndsWith('市') || org.EndsWith('区') || org.EndsWith('省') || org.EndsWith('县')) && org.Length <= 8;

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
