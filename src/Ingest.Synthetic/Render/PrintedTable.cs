using System.Globalization;

namespace Ingest.Synthetic.Render;

/// <summary>A table exactly as printed: header grid, body grid of texts, and per row the facts behind each value cell.</summary>
internal sealed class PrintedTable
{
    public string Type { get; set; } = "";
    public string Title { get; set; } = "";
    /// <summary>Small line printed above the title (表1, 公开01表…), or null.</summary>
    public string? Number { get; set; }
    public string Unit { get; set; } = "元";
    /// <summary>Unit line exactly as printed when it differs from "单位：" + <see cref="Unit"/> (seed documents).</summary>
    public string? UnitTextOverride { get; set; }
    /// <summary>No unit line is printed (e.g. performance-target forms).</summary>
    public bool NoUnitLine { get; set; }
    public string UnitText => UnitTextOverride ?? "单位：" + Unit;
    /// <summary>Lines a wrapped text cell may take before the rest is run onto its last line.</summary>
    public int MaxCellLines { get; set; } = 3;
    /// <summary>Font size of header and body cells when set (otherwise the style's 9 or 10 pt).</summary>
    public double BodyFontSize { get; set; }
    public string? Subtitle { get; set; }
    /// <summary>Relative column widths.</summary>
    public List<double> Widths { get; set; } = [];
    public List<AmountColumn> Columns { get; set; } = [];
    public List<HeaderCell> Header { get; set; } = [];
    public int HeaderRows { get; set; }
    public List<GridRow> Rows { get; set; } = [];
    public List<string> Notes { get; set; } = [];
    /// <summary>Index of the text columns (names/labels) that are left aligned; amounts are right aligned.</summary>
    public HashSet<int> TextColumns { get; set; } = [];
    public bool BlankZeros { get; set; }
    public bool Thousands { get; set; }

    // Filled by the layout.
    public int File { get; set; }
    public List<int> Pages { get; set; } = [];

    public decimal Factor => Unit == "万元" ? 10000m : 1m;

    /// <summary>Prints an amount (元) in this table's unit; zero may be blank.</summary>
    public string Format(decimal yuan) => FormatAmount(yuan, Factor, Thousands, BlankZeros);

    public static string FormatAmount(decimal yuan, decimal factor, bool thousands, bool blankZeros)
    {
        if (yuan == 0 && blankZeros)
        {
            return "";
        }

        decimal v = yuan / factor;
        if (decimal.Round(v, 2) != v)
        {
            throw new InvalidOperationException($"amount {yuan} 元 is not exact in unit factor {factor}");
        }

        return v.ToString(thousands ? "N2" : "F2", CultureInfo.InvariantCulture);
    }

    /// <summary>Sets a value cell: printed text and truth value (null when blank).</summary>
    public void Set(GridRow row, RowEntry entry, string columnId, decimal yuan)
    {
        int col = Columns.Find(c => c.Id == columnId && c.Side == entry.Side)?.Index
            ?? throw new InvalidOperationException($"{Type}: no column {columnId} ({entry.Side})");
        string text = Format(yuan);
        row.Cells[col] = text;
        entry.Values[columnId] = text.Length == 0 ? null : yuan;
        if (text.Length > 0)
        {
            entry.Printed[columnId] = text;
        }
        else
        {
            entry.Printed.Remove(columnId);
        }
    }

    public GridRow AddRow()
    {
        var row = new GridRow { Cells = new string[Widths.Count] };
        for (int i = 0; i < row.Cells.Length; i++)
        {
            row.Cells[i] = "";
        }

        Rows.Add(row);
        return row;
    }

    public PrintedTable Clone()
    {
        var copy = (PrintedTable)MemberwiseClone();
        copy.Rows = Rows.Select(r => r.Clone()).ToList();
        copy.Pages = [];
        return copy;
    }
}

internal sealed class AmountColumn
{
    public string Id { get; set; } = "";
    public List<string> Header { get; set; } = [];
    public int Index { get; set; }
    public string? Side { get; set; }
}

internal sealed class HeaderCell
{
    public string Text { get; set; } = "";
    public int Row { get; set; }
    public int Col { get; set; }
    public int RowSpan { get; set; } = 1;
    public int ColSpan { get; set; } = 1;
}

internal sealed class GridRow
{
    public string[] Cells { get; set; } = [];
    public List<RowEntry> Entries { get; set; } = [];
    /// <summary>Filled by the layout: 1-based page within the file.</summary>
    public int Page { get; set; }

    public GridRow Clone() => new()
    {
        Cells = (string[])Cells.Clone(),
        Entries = Entries.Select(e => e.Clone()).ToList(),
        Page = Page,
    };
}

/// <summary>The facts of one row (one side of a two-sided row).</summary>
internal sealed class RowEntry
{
    public string? Side { get; set; }
    public string? Line { get; set; }
    public string? FuncCode { get; set; }
    public string? EconCode { get; set; }
    public string? GovEconCode { get; set; }
    public string? UnitCode { get; set; }
    public string Name { get; set; } = "";
    public Dictionary<string, decimal?> Values { get; set; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> Printed { get; set; } = new(StringComparer.Ordinal);

    public RowEntry Clone() => new()
    {
        Side = Side,
        Line = Line,
        FuncCode = FuncCode,
        EconCode = EconCode,
        GovEconCode = GovEconCode,
        UnitCode = UnitCode,
        Name = Name,
        Values = new Dictionary<string, decimal?>(Values, StringComparer.Ordinal),
        Printed = new Dictionary<string, string>(Printed, StringComparer.Ordinal),
    };
}
