using System.Globalization;
using Ingest.Core.Pipeline;
using Ingest.Core.Records;
using Ingest.Core.Text;

namespace Ingest.Core.Validation;

/// <summary>
/// Stage 4: the accounting identities of the field guide §4, within tables, across tables and
/// against the narrative. Exact decimals; a difference inside the rounding envelope of the printed
/// precision is a rounding note (info), beyond it an error. Every rule evaluated is recorded in
/// <see cref="DocumentRecord.Checks"/> with its outcome; only failures become findings.
/// </summary>
public sealed class Validator : IValidator
{
    private readonly ValidationOptions _options;

    public Validator(ValidationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    public void Validate(DocumentRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var run = new RuleRun(record, _options);
        TableRules.Run(run);
        CrossTableRules.Run(run);
        FundingTies.Run(run);
        CompletionRates.Run(run);
        NarrativeRules.Run(run);
        QualityRules.Run(run);
        run.Complete();
    }
}

/// <summary>Collects outcomes and findings of one validation run.</summary>
internal sealed class RuleRun(DocumentRecord record, ValidationOptions options)
{
    private readonly Dictionary<string, CheckOutcome> _outcomes = new(StringComparer.Ordinal);

    public DocumentRecord Record { get; } = record;

    public ValidationOptions Options { get; } = options;

    public TableRecord? First(string type) => Record.Tables.Find(t => t.Type == type);

    public IEnumerable<TableRecord> All(string type) => Record.Tables.Where(t => t.Type == type);

    public void NotApplicable(string rule) => Outcome(rule).Instances += 0;

    public void Insufficient(string rule)
    {
        var o = Outcome(rule);
        if (o.Instances == 0)
        {
            o.Outcome = CheckResult.InsufficientData;
        }
    }

    /// <summary>
    /// Compares a printed figure with the sum of its printed parts. Returns true when within the
    /// envelope of the field guide §6: n printed items may differ from their total by n × ½ unit of the last printed digit.
    /// </summary>
    public bool Sum(string rule, Val printed, IReadOnlyList<Val> parts, Func<Location> where, string what, string whatZh)
    {
        var expected = 0m;
        var envelope = 0m;
        foreach (var p in parts)
        {
            expected += p.Yuan;
            envelope += p.HalfUnitYuan;
        }

        if (parts.Count <= 1)
        {
            // One item against its total (a copy): only their own precisions.
            envelope += printed.HalfUnitYuan;
        }

        return Equal(rule, expected, printed.Yuan, envelope, where, what, whatZh);
    }

    /// <summary>Compares two figures with a given rounding envelope (amounts in 元, or percentages with unit "%").</summary>
    public bool Equal(string rule, decimal expected, decimal printed, decimal envelope, Func<Location> where, string what, string whatZh, string unit = "元")
    {
        var o = Outcome(rule);
        o.Instances++;
        if (o.Outcome is CheckResult.NotApplicable or CheckResult.InsufficientData)
        {
            o.Outcome = CheckResult.Pass;
        }

        var diff = printed - expected;
        var tolerance = envelope + (Options.ExtraUnits * envelope * 2m);
        if (diff == 0m)
        {
            return true;
        }

        var u = unit == "%" ? "%" : " " + unit;
        var inside = Math.Abs(diff) <= tolerance;
        if (inside && !Options.ReportRounding)
        {
            return true;
        }

        if (!inside)
        {
            o.Outcome = CheckResult.Fail;
            o.Failures++;
        }

        Add(new Finding
        {
            Rule = rule,
            Severity = inside ? FindingSeverity.Info : FindingSeverity.Error,
            Message = inside
                ? $"{what}: differs by {Fmt(diff)}{u}, within the rounding envelope of ±{Fmt(tolerance)}{u}"
                : $"{what}: expected {Fmt(expected)}{u}, printed {Fmt(printed)}{u} (difference {Fmt(diff)}{u}, tolerance ±{Fmt(tolerance)}{u})",
            MessageZh = inside
                ? $"{whatZh}：相差{Fmt(diff)}{unit}，在舍入误差范围（±{Fmt(tolerance)}{unit}）内"
                : $"{whatZh}：应为{Fmt(expected)}{unit}，印为{Fmt(printed)}{unit}（相差{Fmt(diff)}{unit}）",
            Expected = expected,
            Printed = printed,
            Difference = diff,
            Tolerance = tolerance,
            Locations = [where()],
        });
        return inside;
    }

    /// <summary>A one-sided check: part ≤ whole (within the envelope).</summary>
    public void AtMost(string rule, Val part, Val whole, Func<Location> where, string what, string whatZh)
    {
        var o = Outcome(rule);
        o.Instances++;
        if (o.Outcome is CheckResult.NotApplicable or CheckResult.InsufficientData)
        {
            o.Outcome = CheckResult.Pass;
        }

        var envelope = part.HalfUnitYuan + whole.HalfUnitYuan;
        if (part.Yuan <= whole.Yuan + envelope)
        {
            return;
        }

        o.Outcome = CheckResult.Fail;
        o.Failures++;
        Add(new Finding
        {
            Rule = rule,
            Severity = FindingSeverity.Error,
            Message = $"{what}: {Fmt(part.Yuan)} 元 exceeds {Fmt(whole.Yuan)} 元",
            MessageZh = $"{whatZh}：{Fmt(part.Yuan)}元超过{Fmt(whole.Yuan)}元",
            Expected = whole.Yuan,
            Printed = part.Yuan,
            Difference = part.Yuan - whole.Yuan,
            Tolerance = envelope,
            Locations = [where()],
        });
    }

    public void Warn(string rule, string message, string messageZh, Location location)
    {
        var o = Outcome(rule);
        o.Instances++;
        o.Outcome = CheckResult.Fail;
        o.Failures++;
        Add(new Finding { Rule = rule, Severity = FindingSeverity.Warning, Message = message, MessageZh = messageZh, Locations = [location] });
    }

    /// <summary>A statement that contradicts itself (no amounts to compare): an error.</summary>
    public void Contradiction(string rule, string message, string messageZh, Location location)
    {
        var o = Outcome(rule);
        o.Instances++;
        o.Outcome = CheckResult.Fail;
        o.Failures++;
        Add(new Finding { Rule = rule, Severity = FindingSeverity.Error, Message = message, MessageZh = messageZh, Locations = [location] });
    }

    public void Info(string rule, string message, string messageZh, Location location)
    {
        Add(new Finding { Rule = rule, Severity = FindingSeverity.Info, Message = message, MessageZh = messageZh, Locations = [location] });
    }

    public void Passed(string rule)
    {
        var o = Outcome(rule);
        o.Instances++;
        if (o.Outcome is CheckResult.NotApplicable or CheckResult.InsufficientData)
        {
            o.Outcome = CheckResult.Pass;
        }
    }

    public CheckOutcome Outcome(string rule)
    {
        if (!_outcomes.TryGetValue(rule, out var o))
        {
            o = new CheckOutcome { Rule = rule, Outcome = CheckResult.NotApplicable };
            _outcomes[rule] = o;
        }

        return o;
    }

    public Location At(TableRecord table, RowRecord? row, string? column) => new()
    {
        File = table.File,
        Page = row?.Page ?? (table.Pages.Count > 0 ? table.Pages[0] : null),
        Table = table.Type,
        Row = row?.Index,
        RowLabel = row is null ? null : Label(row),
        Column = column,
    };

    public static string Label(RowRecord row)
    {
        var code = row.FuncCode ?? row.EconCode ?? row.UnitCode;
        return code is null ? row.Name : $"{code} {row.Name}".Trim();
    }

    public void Complete()
    {
        Record.Checks = _outcomes.Values.OrderBy(o => o.Rule, StringComparer.Ordinal).ToList();
    }

    private void Add(Finding finding) => Record.Findings.Add(finding);

    public static string Fmt(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
