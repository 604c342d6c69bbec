using System.Collections.Frozen;
using Ingest.Core.Text;

namespace Ingest.Core;

/// <summary>One classification code as listed in data/codes.</summary>
public sealed record CodeEntry(string Code, string Name, string Level, string? Parent, string Confidence, string Scheme);

/// <summary>
/// Classification codes (functional 类/款/项, department and government economic 类/款) from the
/// partial lists in data/codes. The lists are incomplete by nature: an unknown code is information, not an error.
/// </summary>
public sealed class CodeCatalog
{
    private readonly FrozenDictionary<string, CodeEntry> _func;
    private readonly FrozenDictionary<string, CodeEntry> _econDept;
    private readonly FrozenDictionary<string, CodeEntry> _econGov;
    private readonly List<(string Name, string Code)> _leiNames;

    private CodeCatalog(IReadOnlyList<CodeEntry> func, IEnumerable<CodeEntry> econDept, IEnumerable<CodeEntry> econGov)
    {
        _func = Distinct(func);
        _econDept = Distinct(econDept);
        _econGov = Distinct(econGov);
        // Every name a 类 has had (文化体育与传媒支出 and 文化旅游体育与传媒支出 are both 207).
        _leiNames = func.Where(e => e.Level == "类")
            .SelectMany(e => e.Name.Split(['/', '；', ';', '（', '('], StringSplitOptions.RemoveEmptyEntries)
                .Select(n => (Name: ChineseText.Compact(n).TrimEnd(')', '）'), e.Code)))
            .Where(p => p.Name.Length >= 2)
            .OrderByDescending(p => p.Name.Length)
            .ToList();
    }

    public static CodeCatalog Default { get; } = LoadEmbedded();

    public CodeEntry? Functional(string code) => _func.GetValueOrDefault(code);

    public CodeEntry? Economic(string code) => _econDept.GetValueOrDefault(code) ?? _econGov.GetValueOrDefault(code);

    /// <summary>The 类 code whose name (current or historical) the label carries, e.g. 一、一般公共服务支出 → 201.</summary>
    public string? FunctionalLeiByName(string label)
    {
        var text = ChineseText.Compact(label);
        text = StripOrdinal(text);
        if (text.EndsWith("支出", StringComparison.Ordinal) && text.Length > 2)
        {
            text = text[..^2];
        }

        foreach (var (name, code) in _leiNames)
        {
            var n = name.EndsWith("支出", StringComparison.Ordinal) && name.Length > 2 ? name[..^2] : name;
            if (text == n || text == name)
            {
                return code;
            }
        }

        // Abbreviated labels (资源勘探信息等 for 资源勘探工业信息等支出).
        foreach (var (name, code) in _leiNames)
        {
            if (text.Length >= 3 && name.StartsWith(text.TrimEnd('等'), StringComparison.Ordinal))
            {
                return code;
            }
        }

        // Otherwise the longest common prefix of at least three characters (农林水事务 → 农林水支出).
        string? best = null;
        var bestLength = 2;
        foreach (var (name, code) in _leiNames)
        {
            var common = 0;
            while (common < Math.Min(name.Length, text.Length) && name[common] == text[common])
            {
                common++;
            }

            if (common > bestLength)
            {
                bestLength = common;
                best = code;
            }
        }

        if (best is not null)
        {
            return best;
        }

        return null;
    }

    /// <summary>The 类 code whose name is exactly the label (ordinal and a trailing 支出 aside), or null.</summary>
    public string? FunctionalLeiExact(string label)
    {
        var text = StripOrdinal(ChineseText.Compact(label));
        var bare = text.EndsWith("支出", StringComparison.Ordinal) && text.Length > 2 ? text[..^2] : text;
        foreach (var (name, code) in _leiNames)
        {
            var n = name.EndsWith("支出", StringComparison.Ordinal) && name.Length > 2 ? name[..^2] : name;
            if (bare == n)
            {
                return code;
            }
        }

        return null;
    }

    /// <summary>Removes a leading ordinal such as 一、 (一) 1. 十五、.</summary>
    public static string StripOrdinal(string compact)
    {
        var text = compact;
        if (text.StartsWith('(') || text.StartsWith('（'))
        {
            var close = text.IndexOfAny([')', '）']);
            if (close > 0 && close <= 5)
            {
                text = text[(close + 1)..];
            }
        }

        var sep = text.IndexOfAny(['、', '.', '．']);
        if (sep > 0 && sep <= 4 && text[..sep].All(ch => "一二三四五六七八九十0123456789".Contains(ch, StringComparison.Ordinal)))
        {
            text = text[(sep + 1)..];
        }

        return text;
    }

    private static FrozenDictionary<string, CodeEntry> Distinct(IEnumerable<CodeEntry> entries)
    {
        var map = new Dictionary<string, CodeEntry>(StringComparer.Ordinal);
        foreach (var e in entries)
        {
            map.TryAdd(e.Code, e);
        }

        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static CodeCatalog LoadEmbedded()
    {
        var asm = typeof(CodeCatalog).Assembly;
        IEnumerable<CodeEntry> Read(string file, string scheme)
        {
            using var stream = asm.GetManifestResourceStream("codes/" + file)
                ?? throw new InvalidOperationException("missing embedded code list " + file);
            using var reader = new StreamReader(stream);
            var list = new List<CodeEntry>();
            _ = reader.ReadLine();
            while (reader.ReadLine() is { } line)
            {
                var f = line.Split('\t');
                if (f.Length < 3 || f[0].Length == 0 || !f[0].All(char.IsAsciiDigit))
                {
                    continue;
                }

                list.Add(new CodeEntry(f[0], f[1], f[2], f.Length > 3 && f[3].Length > 0 ? f[3] : null, f.Length > 5 ? f[5] : "", scheme));
            }

            return list;
        }

        return new CodeCatalog(
            Read("func_expenditure_lei.tsv", "functional").Concat(Read("func_expenditure_observed.tsv", "functional")).ToList(),
            Read("econ_dept.tsv", "economic_department"),
            Read("econ_gov.tsv", "economic_government"));
    }
}
