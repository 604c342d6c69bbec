namespace Ingest.Synthetic.Render;

/// <summary>A header node: a leaf is a grid column (amount column when it has an id), a group spans its children.</summary>
internal sealed class H
{
    public string Text { get; init; } = "";
    public string? Id { get; init; }
    public double Width { get; init; } = 1;
    public string? Side { get; init; }
    public List<H> Kids { get; init; } = [];

    public static H Amount(string text, string id, double width = 1) => new() { Text = text, Id = id, Width = width };

    public static H Label(string text, double width = 1) => new() { Text = text, Width = width };

    public static H Group(string text, params H[] kids) => new() { Text = text, Kids = [.. kids] };

    public static H Sided(string side, string text, params H[] kids) => new() { Text = text, Side = side, Kids = [.. kids] };

    private int Depth => Kids.Count == 0 ? 1 : 1 + Kids.Max(k => k.Depth);

    /// <summary>Lays the header trees out as a grid on <paramref name="table"/>: columns, widths, header cells.</summary>
    public static void Apply(PrintedTable table, params H[] roots)
    {
        int depth = roots.Max(r => r.Depth);
        table.HeaderRows = depth;
        foreach (var root in roots)
        {
            Place(table, root, 0, depth, [], root.Side);
        }
    }

    private static void Place(PrintedTable table, H node, int row, int depth, List<string> path, string? side)
    {
        side = node.Side ?? side;
        var myPath = node.Text.Length > 0 ? path.Append(node.Text).ToList() : path;
        if (node.Kids.Count == 0)
        {
            int col = table.Widths.Count;
            table.Widths.Add(node.Width);
            table.Header.Add(new HeaderCell { Text = node.Text, Row = row, Col = col, RowSpan = depth - row });
            if (node.Id is not null)
            {
                table.Columns.Add(new AmountColumn { Id = node.Id, Header = myPath, Index = col, Side = side });
            }
            else
            {
                table.TextColumns.Add(col);
            }

            return;
        }

        int start = table.Widths.Count;
        var cell = new HeaderCell { Text = node.Text, Row = row, Col = start, RowSpan = 1 };
        if (node.Text.Length > 0)
        {
            table.Header.Add(cell);
        }

        foreach (var kid in node.Kids)
        {
            Place(table, kid, node.Text.Length > 0 ? row + 1 : row, depth, myPath, side);
        }

        cell.ColSpan = table.Widths.Count - start;
    }
}
