namespace Ingest.Core.Layout;

/// <summary>Dense view of a table's cells: every slot knows the cell that covers it.</summary>
public sealed class TableGrid
{
    private readonly TableCell?[,] _slots;

    public TableGrid(int rows, int cols, IEnumerable<TableCell> cells)
    {
        RowCount = rows;
        ColCount = cols;
        _slots = new TableCell?[rows, cols];
        foreach (var cell in cells)
        {
            for (var r = cell.Row; r < Math.Min(rows, cell.Row + cell.RowSpan); r++)
            {
                for (var c = cell.Col; c < Math.Min(cols, cell.Col + cell.ColSpan); c++)
                {
                    _slots[r, c] = cell;
                }
            }
        }
    }

    public static TableGrid Of(LogicalTable table) => new(table.RowCount, table.ColCount, table.Cells);

    public static TableGrid Of(TableFragment table) => new(table.RowCount, table.ColCount, table.Cells);

    public int RowCount { get; }
    public int ColCount { get; }

    public TableCell? this[int row, int col] => _slots[row, col];

    /// <summary>Text of the slot, or "" when nothing covers it.</summary>
    public string Text(int row, int col) => _slots[row, col]?.Text ?? "";

    /// <summary>True when the slot is the top-left of its cell (or uncovered).</summary>
    public bool IsOrigin(int row, int col)
    {
        var cell = _slots[row, col];
        return cell is null || (cell.Row == row && cell.Col == col);
    }

    public IEnumerable<string> RowTexts(int row)
    {
        for (var c = 0; c < ColCount; c++)
        {
            yield return Text(row, c);
        }
    }
}
