namespace Ingest.Storage;

/// <summary>One amount of one row of one table, flattened for analysts.</summary>
public sealed record LineItem(
    string DocumentId, string? Organization, int? Year, string? Kind, string TableType, string Unit, int Page, int Row,
    string? Side, string? Line, string? FuncCode, string? EconCode, string Name, string Column, decimal? AmountYuan, string? Printed);

/// <summary>The line-item query both stores run (same schema), and the row mapping; only amount storage differs.</summary>
internal static class LineItemQuery
{
    public const string Sql = """
        SELECT l.document_id, d.organization, d.year, d.kind, l.table_type, l.unit, l.page, l.row_index, l.side, l.line,
               l.func_code, l.econ_code, l.name, l.column_id, l.amount, l.printed
        FROM line_items l JOIN documents d ON d.id = l.document_id
        ORDER BY l.document_id, l.table_index, l.row_index, l.id
        """;

    /// <param name="amount">Reads column 14: SQLite keeps amounts as exact decimal text, PostgreSQL as numeric.</param>
    public static LineItem Read(System.Data.Common.DbDataReader r, Func<System.Data.Common.DbDataReader, decimal> amount) => new(
        r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.IsDBNull(2) ? null : r.GetInt32(2),
        r.IsDBNull(3) ? null : r.GetString(3), r.GetString(4), r.GetString(5), r.GetInt32(6), r.GetInt32(7),
        r.IsDBNull(8) ? null : r.GetString(8), r.IsDBNull(9) ? null : r.GetString(9),
        r.IsDBNull(10) ? null : r.GetString(10), r.IsDBNull(11) ? null : r.GetString(11), r.GetString(12),
        r.GetString(13), r.IsDBNull(14) ? null : amount(r), r.IsDBNull(15) ? null : r.GetString(15));
}

/// <summary>A store that can stream its line items.</summary>
public interface ILineItemSource
{
    IEnumerable<LineItem> LineItems();
}
