using Ingest.Core.Records;
using Ingest.Core.Text;

namespace Ingest.Core.Validation;

/// <summary>An amount read from a record with what is needed to judge rounding: value in 元 and half a printed unit in 元.</summary>
internal readonly record struct Val(decimal Yuan, decimal HalfUnitYuan, bool Blank)
{
    public static Val Zero => new(0m, 0m, true);
}

internal static class Amounts
{
    /// <summary>The value of a cell: null when the column is absent; blank cells give a blank zero.</summary>
    public static Val? Get(TableRecord table, RowRecord row, string column)
    {
        if (!row.Values.TryGetValue(column, out var value))
        {
            return null;
        }

        var multiplier = MoneyUnit.Multiplier(table.Unit);
        if (value is null)
        {
            return new Val(0m, 0m, true);
        }

        var printed = row.Printed.GetValueOrDefault(column) ?? "";
        AmountParser.TryParse(printed, out var p);
        return new Val(value.Value, p.HalfUnit * multiplier, false);
    }

    public static bool IsBlankOrAbsent(TableRecord table, RowRecord row, string column) =>
        Get(table, row, column) is not { Blank: false };
}
