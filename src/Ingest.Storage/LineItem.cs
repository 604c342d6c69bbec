namespace Ingest.Storage;

/// <summary>One amount of one row of one table, flattened for analysts.</summary>
public sealed record LineItem(
    string DocumentId, string? Organization, int? Year, string? Kind, string TableType, string Unit, int Page, int Row,
    string? Side, string? Line, string? FuncCode, string? EconCode, string Name, string Column, decimal? AmountYuan, string? Printed);

/// <summary>A store that can stream its line items.</summary>
public interface ILineItemSource
{
    IEnumerable<LineItem> LineItems();
}
