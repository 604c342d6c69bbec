using Ingest.Core.Layout;

namespace Ingest.Pdf.Text;

/// <summary>One visible letter in upright page space (origin top-left, y down).</summary>
internal readonly record struct Glyph(string Text, double Left, double Top, double Right, double Bottom, double Size, bool Upright)
{
    public double CenterX => (Left + Right) / 2;
    public double CenterY => (Top + Bottom) / 2;
    public double Height => Bottom - Top;
    public Box Box => new(Left, Top, Right, Bottom);
}

/// <summary>A ruling segment: horizontal when <see cref="Horizontal"/>, at <see cref="Pos"/> (y or x) from <see cref="Start"/> to <see cref="End"/>.</summary>
internal readonly record struct Ruling(bool Horizontal, double Pos, double Start, double End)
{
    public double Length => End - Start;
}

/// <summary>Everything the table engine needs from one page, in upright page space.</summary>
internal sealed class PageContent
{
    public required int Number { get; init; }
    public required double Width { get; init; }
    public required double Height { get; init; }
    public required int Rotation { get; init; }
    public required IReadOnlyList<Glyph> Glyphs { get; init; }
    public required IReadOnlyList<Ruling> Rulings { get; init; }
    public int RawLetterCount { get; init; }
    public int DuplicateLetters { get; init; }
    public int UnmappedLetters { get; init; }
    public int ImageCount { get; init; }
}
