using System.Globalization;
using System.Text;

namespace Ingest.Core.Text;

/// <summary>
/// Normalization of text read from PDFs: compatibility and Kangxi/supplement radicals folded to the
/// ideographs they stand for, full-width ASCII folded (NFKC), whitespace between CJK characters removed.
/// </summary>
public static class ChineseText
{
    // CJK Radicals Supplement (U+2E80–U+2EFF) have no NFKC mapping; these are the ones seen in the
    // text layer of real documents standing for ordinary simplified characters.
    private static readonly Dictionary<char, char> Supplement = new()
    {
        ['\u2E8B'] = '㔾', ['\u2E8C'] = '小', ['\u2E8D'] = '小', ['\u2E8E'] = '兀', ['\u2E8F'] = '尣',
        ['\u2E90'] = '尢', ['\u2E92'] = '巳', ['\u2E93'] = '幺', ['\u2E94'] = '彑', ['\u2E95'] = '彐',
        ['\u2E96'] = '忄', ['\u2E97'] = '小', ['\u2E98'] = '扌', ['\u2E99'] = '攵', ['\u2E9B'] = '旡',
        ['\u2E9D'] = '月', ['\u2E9E'] = '歹', ['\u2E9F'] = '母', ['\u2EA0'] = '民', ['\u2EA1'] = '氵',
        ['\u2EA2'] = '水', ['\u2EA3'] = '灬', ['\u2EA4'] = '爫', ['\u2EA5'] = '爫', ['\u2EA6'] = '丬',
        ['\u2EA7'] = '牛', ['\u2EA8'] = '犭', ['\u2EA9'] = '王', ['\u2EAA'] = '疋', ['\u2EAB'] = '目',
        ['\u2EAC'] = '示', ['\u2EAD'] = '礻', ['\u2EAE'] = '竹', ['\u2EAF'] = '糹', ['\u2EB0'] = '纟',
        ['\u2EB1'] = '网', ['\u2EB2'] = '罒', ['\u2EB3'] = '罒', ['\u2EB4'] = '罒', ['\u2EB5'] = '罒',
        ['\u2EB6'] = '羊', ['\u2EB7'] = '羊', ['\u2EB8'] = '羊', ['\u2EB9'] = '老', ['\u2EBA'] = '肀',
        ['\u2EBB'] = '肀', ['\u2EBC'] = '月', ['\u2EBD'] = '臼', ['\u2EBE'] = '艹', ['\u2EBF'] = '艹',
        ['\u2EC0'] = '艹', ['\u2EC1'] = '虎', ['\u2EC2'] = '衤', ['\u2EC3'] = '覀', ['\u2EC4'] = '西',
        ['\u2EC5'] = '见', ['\u2EC6'] = '角', ['\u2EC7'] = '角', ['\u2EC8'] = '讠', ['\u2EC9'] = '贝',
        ['\u2ECA'] = '足', ['\u2ECB'] = '车', ['\u2ECC'] = '辶', ['\u2ECD'] = '辶', ['\u2ECE'] = '辶',
        ['\u2ECF'] = '阝', ['\u2ED0'] = '钅', ['\u2ED1'] = '长', ['\u2ED2'] = '长', ['\u2ED3'] = '长',
        ['\u2ED4'] = '门', ['\u2ED5'] = '阜', ['\u2ED6'] = '阝', ['\u2ED7'] = '雨', ['\u2ED8'] = '青',
        ['\u2ED9'] = '韦', ['\u2EDA'] = '页', ['\u2EDB'] = '风', ['\u2EDC'] = '飞', ['\u2EDD'] = '食',
        ['\u2EDE'] = '食', ['\u2EDF'] = '食', ['\u2EE0'] = '饣', ['\u2EE1'] = '首', ['\u2EE2'] = '马',
        ['\u2EE3'] = '骨', ['\u2EE4'] = '鬼', ['\u2EE5'] = '鱼', ['\u2EE6'] = '鸟', ['\u2EE7'] = '卤',
        ['\u2EE8'] = '麦', ['\u2EE9'] = '黄', ['\u2EEA'] = '黾', ['\u2EEB'] = '斉', ['\u2EEC'] = '齐',
        ['\u2EED'] = '歯', ['\u2EEE'] = '齿', ['\u2EEF'] = '竜', ['\u2EF0'] = '龙', ['\u2EF1'] = '龜',
        ['\u2EF2'] = '亀', ['\u2EF3'] = '龟',
    };

    private static readonly string Kangxi = Resource("unicode/kangxi-radicals.txt");

    private static readonly Dictionary<char, char> Compatibility = Pairs(Resource("unicode/cjk-compatibility-pairs.txt"));

    /// <summary>
    /// Folds compatibility forms as NFKC would (Kangxi radicals, full-width ASCII, CJK compatibility
    /// ideographs) and the supplement radicals NFKC leaves alone, from tables in data/unicode (no ICU needed).
    /// </summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var normalized = text;
        StringBuilder? sb = null;
        for (var i = 0; i < normalized.Length; i++)
        {
            var ch = normalized[i];
            char mapped = ch switch
            {
                >= '\uFF01' and <= '\uFF5E' => (char)(ch - 0xFEE0),
                >= '\u2F00' and <= '\u2FD5' => Kangxi[ch - 0x2F00],
                >= '\uF900' and <= '\uFAFF' => Compatibility.GetValueOrDefault(ch, ch),
                '\u3000' => ' ',
                '\u00A0' => ' ',
                '\u2014' or '\u2013' or '\u2212' or '\u2015' or '\uFE63' => '-',
                '\u201C' or '\u201D' or '\u300C' or '\u300D' => '"',
                _ => Supplement.TryGetValue(ch, out var s) ? s : ch,
            };
            if (mapped != ch)
            {
                sb ??= new StringBuilder(normalized, 0, i, normalized.Length);
            }

            sb?.Append(mapped);
        }

        return sb?.ToString() ?? normalized;
    }

    /// <summary>Fold, then remove all whitespace: the form used to compare labels and titles.</summary>
    public static string Compact(string? text)
    {
        var folded = Fold(text);
        var sb = new StringBuilder(folded.Length);
        foreach (var ch in folded)
        {
            if (!char.IsWhiteSpace(ch))
            {
                sb.Append(ch);
            }
        }

        return sb.ToString();
    }

    /// <summary>Fold, and remove whitespace that sits between two CJK characters (spaced-out text), collapsing other runs to one space.</summary>
    public static string Clean(string? text)
    {
        var folded = Fold(text).Trim();
        if (folded.Length == 0)
        {
            return folded;
        }

        var sb = new StringBuilder(folded.Length);
        for (var i = 0; i < folded.Length; i++)
        {
            var ch = folded[i];
            if (char.IsWhiteSpace(ch))
            {
                var j = i;
                while (j < folded.Length && char.IsWhiteSpace(folded[j]))
                {
                    j++;
                }

                var prev = sb.Length > 0 ? sb[^1] : ' ';
                var next = j < folded.Length ? folded[j] : ' ';
                if (!(IsCjk(prev) || IsCjk(next)))
                {
                    sb.Append(' ');
                }

                i = j - 1;
                continue;
            }

            sb.Append(ch);
        }

        return sb.ToString();
    }

    public static bool IsCjk(char ch) =>
        (ch >= '\u4E00' && ch <= '\u9FFF') || (ch >= '\u3400' && ch <= '\u4DBF') || (ch >= '\u3000' && ch <= '\u303F')
        || (ch >= '\uFF00' && ch <= '\uFFEF') || ch is '（' or '）' or '：' or '，' or '、' or '；' or '“' or '”';

    /// <summary>Chinese ordinal numbers as printed in line labels (一 … 九十九).</summary>
    public static int? ParseChineseNumber(string text)
    {
        const string digits = "零一二三四五六七八九";
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var tenIndex = text.IndexOf('十', StringComparison.Ordinal);
        if (tenIndex < 0)
        {
            return text.Length == 1 && digits.Contains(text[0], StringComparison.Ordinal) ? digits.IndexOf(text[0], StringComparison.Ordinal) : null;
        }

        var tens = tenIndex == 0 ? 1 : (text.Length > 0 && digits.Contains(text[0], StringComparison.Ordinal) ? digits.IndexOf(text[0], StringComparison.Ordinal) : -1);
        var ones = tenIndex == text.Length - 1 ? 0 : digits.IndexOf(text[tenIndex + 1], StringComparison.Ordinal);
        return tens < 0 || ones < 0 ? null : (tens * 10) + ones;
    }

    private static string Resource(string name)
    {
        using var stream = typeof(ChineseText).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException("missing embedded resource " + name);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static Dictionary<char, char> Pairs(string text)
    {
        var map = new Dictionary<char, char>();
        for (var i = 0; i + 1 < text.Length; i += 2)
        {
            map[text[i]] = text[i + 1];
        }

        return map;
    }

    internal static string Invariant(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
