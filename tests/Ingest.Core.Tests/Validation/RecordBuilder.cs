using Ingest.Core.Records;
using Ingest.Core.Text;

namespace Ingest.Core.Tests.Validation;

/// <summary>Builds table records the way recognition does: printed text kept, values normalized to 元.</summary>
internal static class RecordBuilder
{
    public static TableRecord Table(string type, string unit, params RowRecord[] rows)
    {
        var table = new TableRecord { Type = type, Unit = unit, Pages = [1], Rows = [.. rows] };
        var ids = rows.SelectMany(r => r.Values.Keys).Distinct().ToList();
        table.Columns = ids.Select((id, i) => new ColumnInfo { Id = id, Index = i, Side = rows.FirstOrDefault(r => r.Values.ContainsKey(id))?.Side }).ToList();
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i].Index = i;
            rows[i].Page = 1;
        }

        return table;
    }

    /// <summary>A row from (column, printed) pairs in the table's unit.</summary>
    public static RowRecord Row(string unit, string name, string? funcCode, params (string Column, string Printed)[] cells)
    {
        var row = new RowRecord { Name = name, FuncCode = funcCode };
        foreach (var (column, printed) in cells)
        {
            AmountParser.TryParse(printed, out var amount);
            row.Values[column] = amount.Value is null ? null : amount.Value * MoneyUnit.Multiplier(unit);
            row.Printed[column] = printed;
        }

        return row;
    }

    public static RowRecord Line(string unit, string side, string line, string name, string column, string printed)
    {
        var row = Row(unit, name, null, (column, printed));
        row.Side = side;
        row.Line = line;
        return row;
    }
}
