using System.Globalization;

namespace Ingest.Core.Text;

/// <summary>A printed amount: the text as printed, the number it shows (in the printed unit), and its printed precision.</summary>
public readonly record struct PrintedAmount(string Text, decimal? Value, int Scale)
{
    /// <summary>True when the cell was printed blank (distinct from a printed zero).</summary>
    public bool IsBlank => Value is null;

    /// <summary>Half a unit of the last printed digit, in the printed unit.</summary>
    public decimal HalfUnit => 0.5m * Pow10(-Scale);

    internal static decimal Pow10(int exponent)
    {
        var result = 1m;
        if (exponent >= 0)
        {
            for (var i = 0; i < exponent; i++)
            {
                result *= 10m;
            }
        }
        else
        {
            for (var i = 0; i < -exponent; i++)
            {
                result /= 10m;
            }
        }

        return result;
    }
}

/// <summary>Parses amounts as Chinese tables print them.</summary>
public static class AmountParser
{
    /// <summary>
    /// Parses a printed cell. Handles thousands separators, full-width digits, negatives written
    /// as -x, (x) or △x, and dashes standing for nil (parsed as 0, scale 0). Blank gives a blank amount.
    /// Returns false when the text is not an amount (a label, a code with letters, …).
    /// </summary>
    public static bool TryParse(string? printed, out PrintedAmount amount)
    {
        var original = printed ?? "";
        var text = ChineseText.Compact(original);
        amount = new PrintedAmount(original, null, 0);
        if (text.Length == 0)
        {
            return true;
        }

        if (text is "-" or "--" or "—" or "/" or "－")
        {
            amount = new PrintedAmount(original, 0m, 0);
            return true;
        }

        var negative = false;
        if (text.StartsWith('(') && text.EndsWith(')') && text.Length > 2)
        {
            negative = true;
            text = text[1..^1];
        }
        else if (text.StartsWith('-') || text.StartsWith('△'))
        {
            negative = true;
            text = text[1..];
        }

        text = text.Replace(",", "", StringComparison.Ordinal);
        if (text.Length == 0 || !(char.IsAsciiDigit(text[0]) || text[0] == '.'))
        {
            return false;
        }

        foreach (var ch in text)
        {
            if (!(char.IsAsciiDigit(ch) || ch == '.'))
            {
                return false;
            }
        }

        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var scale = dot < 0 ? 0 : text.Length - dot - 1;
        amount = new PrintedAmount(original, negative ? -value : value, scale);
        return true;
    }

    /// <summary>True when the text reads as an amount (not blank).</summary>
    public static bool LooksLikeAmount(string? text) =>
        TryParse(text, out var a) && a.Value is not null && ChineseText.Compact(text).Length > 0;
}

/// <summary>Money units as printed in unit lines.</summary>
public static class MoneyUnit
{
    public const string Yuan = "元";
    public const string WanYuan = "万元";
    public const string QianYuan = "千元";
    public const string YiYuan = "亿元";

    public static decimal Multiplier(string unit) => unit switch
    {
        WanYuan => 10_000m,
        QianYuan => 1_000m,
        YiYuan => 100_000_000m,
        _ => 1m,
    };

    /// <summary>Finds the unit in a line such as 单位：万元, 金额单位:元, （单位：万元）.</summary>
    public static string? FromLine(string? line)
    {
        var text = ChineseText.Compact(line);
        var at = text.IndexOf("单位", StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var rest = text[(at + 2)..].TrimStart(':', '：', ')', '）');
        if (rest.StartsWith("亿元", StringComparison.Ordinal))
        {
            return YiYuan;
        }

        if (rest.StartsWith("万元", StringComparison.Ordinal) || rest.StartsWith('万'))
        {
            return WanYuan;
        }

        if (rest.StartsWith("千元", StringComparison.Ordinal))
        {
            return QianYuan;
        }

        return rest.StartsWith('元') ? Yuan : null;
    }
}
