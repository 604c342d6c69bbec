using System.Text.RegularExpressions;

namespace Ingest.Synthetic.Seed;

/// <summary>One table of the seed text: its title and metadata lines, and its tab-separated rows as printed.</summary>
internal sealed class SeedTableText
{
    public string Title { get; set; } = "";
    /// <summary>部门名称 line (or a subtitle such as (2022年度)), as printed.</summary>
    public string? Subtitle { get; set; }
    /// <summary>单位 line as printed (单位：万元, 单位：万, 单位:万元), or null.</summary>
    public string? UnitLine { get; set; }
    /// <summary>Every tab-separated line, header rows first.</summary>
    public List<string[]> Rows { get; set; } = [];
    public List<string> Notes { get; set; } = [];
}

/// <summary>
/// The seed file (../shared/seeds/*.txt): narrative lines, then the tables, each as a title line,
/// 部门名称 line, 单位 line and its rows as TSV (multi-row headers flattened), optional 备注 lines.
/// </summary>
internal sealed partial class SeedText
{
    [GeneratedRegex(@"^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.、]|- )")]
    private static partial Regex ListMarker();

    /// <summary>Narrative lines in order (blank lines dropped, "- " list bullets kept).</summary>
    public List<string> NarrativeLines { get; } = [];

    public List<SeedTableText> Tables { get; } = [];

    public static SeedText Parse(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var seed = new SeedText();

        // The tables start after the last 附件 line (the first one is in the table of contents).
        int lastAnnex = Array.FindLastIndex(lines, l => l.StartsWith("附件：", StringComparison.Ordinal));
        if (lastAnnex < 0)
        {
            throw new FormatException("seed: no 附件 line before the tables");
        }

        for (int i = 0; i <= lastAnnex; i++)
        {
            string l = lines[i].Trim();
            if (l.Length > 0)
            {
                seed.NarrativeLines.Add(l);
            }
        }

        SeedTableText? current = null;
        for (int i = lastAnnex + 1; i < lines.Length; i++)
        {
            string raw = lines[i].TrimEnd('\r');
            if (raw.Trim().Length == 0)
            {
                continue;
            }

            if (raw.Contains('\t', StringComparison.Ordinal))
            {
                if (current is null)
                {
                    throw new FormatException($"seed line {i + 1}: table row before any title");
                }

                current.Rows.Add(raw.Split('\t'));
                continue;
            }

            string line = raw.Trim();
            if (current is not null && current.Rows.Count == 0 && line.StartsWith("部门名称", StringComparison.Ordinal))
            {
                current.Subtitle = line;
            }
            else if (current is not null && current.Rows.Count == 0 && line.StartsWith("单位", StringComparison.Ordinal) && line.Length <= 8)
            {
                current.UnitLine = line;
            }
            else if (current is not null && current.Rows.Count == 0 && line.StartsWith('(') && line.EndsWith(')'))
            {
                current.Subtitle = line;
            }
            else if (current is not null && current.Rows.Count > 0 && line.StartsWith("备注", StringComparison.Ordinal))
            {
                current.Notes.Add(line);
            }
            else
            {
                current = new SeedTableText { Title = line };
                seed.Tables.Add(current);
            }
        }

        return seed;
    }

    /// <summary>
    /// Narrative paragraphs: lines broken by the extraction in mid-sentence (a page break inside a
    /// paragraph) are joined back; a line without any sentence punctuation is a heading and stands alone.
    /// </summary>
    public List<(string Text, bool Heading)> Paragraphs()
    {
        var result = new List<(string Text, bool Heading)>();
        bool afterPart = false;
        for (int i = 0; i < NarrativeLines.Count; i++)
        {
            string line = NarrativeLines[i];
            if (line.StartsWith("- ", StringComparison.Ordinal))
            {
                line = line[2..];
            }

            bool part = Regex.IsMatch(line, "^第[一二三四五六七八九十]+部分$");
            bool heading = i == 0 || part || afterPart || line.Replace(" ", "", StringComparison.Ordinal) is "目录" or "名词解释";
            afterPart = part;
            if (result.Count > 0 && !heading && Joinable(result[^1].Text) && !ListMarker().IsMatch(NarrativeLines[i]) && !result[^1].Heading)
            {
                result[^1] = (result[^1].Text + line, false);
                continue;
            }

            result.Add((line, heading));
        }

        return result;
    }

    private static bool Joinable(string previous) =>
        previous.IndexOfAny(['，', '。', '；', '、']) >= 0 && !"。；！？：".Contains(previous[^1], StringComparison.Ordinal);
}
