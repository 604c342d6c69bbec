namespace Ingest.Core.Layout;

/// <summary>
/// An axis-aligned box in page space after rotation has been undone: origin top-left,
/// x to the right, y downwards, in PDF points.
/// </summary>
public readonly record struct Box(double Left, double Top, double Right, double Bottom)
{
    public double Width => Right - Left;
    public double Height => Bottom - Top;
    public double CenterX => (Left + Right) / 2;
    public double CenterY => (Top + Bottom) / 2;

    public Box Union(Box other) => new(
        Math.Min(Left, other.Left), Math.Min(Top, other.Top),
        Math.Max(Right, other.Right), Math.Max(Bottom, other.Bottom));

    public bool Contains(double x, double y, double tolerance = 0) =>
        x >= Left - tolerance && x <= Right + tolerance && y >= Top - tolerance && y <= Bottom + tolerance;
}

/// <summary>One line of text as read on a page (reading order: top to bottom, left to right).</summary>
public sealed record TextLine(string Text, Box Box);

/// <summary>What extraction knows about one page, independent of the PDF library.</summary>
public sealed class PageLayout
{
    /// <summary>1-based page number in its file.</summary>
    public int Number { get; init; }
    public double Width { get; init; }
    public double Height { get; init; }
    /// <summary>/Rotate of the page in degrees (0, 90, 180, 270).</summary>
    public int Rotation { get; init; }
    public IReadOnlyList<TextLine> Lines { get; init; } = [];
    /// <summary>Tables found on this page (one fragment per table per page).</summary>
    public IReadOnlyList<TableFragment> Tables { get; init; } = [];
    /// <summary>Lines of text that are outside every table on the page.</summary>
    public IReadOnlyList<TextLine> TextOutsideTables { get; init; } = [];
    /// <summary>Number of letters on the page (0 for a scanned page).</summary>
    public int LetterCount { get; init; }
    public int ImageCount { get; init; }
}

/// <summary>A cell of a table grid: top-left slot, spans, and its text (lines joined).</summary>
public sealed record TableCell(int Row, int Col, int RowSpan, int ColSpan, string Text, Box Box)
{
    /// <summary>Bounds of the cell's printed text when the detector knows them (borderless tables); empty otherwise.</summary>
    public Box TextBox { get; init; }
}

/// <summary>A table as found on one page.</summary>
public sealed class TableFragment
{
    public int Page { get; init; }
    public Box Bounds { get; init; }
    public int RowCount { get; init; }
    public int ColCount { get; init; }
    /// <summary>One entry per cell, spans on the top-left slot; slots covered by a span have no entry.</summary>
    public IReadOnlyList<TableCell> Cells { get; init; } = [];
    /// <summary><c>lattice</c> (ruled) or <c>stream</c> (borderless).</summary>
    public string Method { get; init; } = "lattice";
    /// <summary>The table's title line(s) when printed above it on the same page.</summary>
    public string? Title { get; init; }
    /// <summary>The unit line (e.g. 单位：万元) when printed near the table.</summary>
    public string? UnitText { get; init; }
    /// <summary>Other caption lines between the title and the table (e.g. 部门名称：…, 表号).</summary>
    public IReadOnlyList<string> Captions { get; init; } = [];
    /// <summary>Notes printed directly below the table (备注, 注：…).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
    /// <summary>Number of header rows at the top of the grid as the engine judged them (0 when none, e.g. a continuation page).</summary>
    public int HeaderRows { get; init; }
    /// <summary>The y of each row's top (in page space), for provenance and continuation.</summary>
    public IReadOnlyList<double> RowTops { get; init; } = [];
    /// <summary>The x of each column's left edge.</summary>
    public IReadOnlyList<double> ColLefts { get; init; } = [];
}

/// <summary>
/// A table joined across pages: the fragments of one logical table in page order, and the grid as one.
/// Row r of the grid came from page <see cref="RowPages"/>[r].
/// </summary>
public sealed class LogicalTable
{
    public IReadOnlyList<TableFragment> Fragments { get; init; } = [];
    public int RowCount { get; init; }
    public int ColCount { get; init; }
    public IReadOnlyList<TableCell> Cells { get; init; } = [];
    public IReadOnlyList<int> RowPages { get; init; } = [];
    public int HeaderRows { get; init; }
    public string? Title => Fragments.Count > 0 ? Fragments[0].Title : null;
    public string? UnitText => Fragments.Select(f => f.UnitText).FirstOrDefault(u => u is not null);
    public IReadOnlyList<int> Pages => Fragments.Select(f => f.Page).Distinct().ToList();
}

/// <summary>The result of reading one PDF file: pages (text and tables) and problems met.</summary>
public sealed class ExtractedFile
{
    public string Path { get; init; } = "";
    public string Sha256 { get; init; } = "";
    public long Bytes { get; init; }
    public int PageCount { get; init; }
    public IReadOnlyList<PageLayout> Pages { get; init; } = [];
    /// <summary>Tables joined across pages (continuations merged), in reading order.</summary>
    public IReadOnlyList<LogicalTable> Tables { get; init; } = [];
    public List<Records.Diagnostic> Diagnostics { get; init; } = [];
    /// <summary>False when the file could not be opened or parsed at all.</summary>
    public bool Readable { get; init; } = true;
}
