namespace Ingest.Pdf;

/// <summary>Tunable settings of the PDF table engine. All distances are in PDF points.</summary>
public sealed class ExtractionOptions
{
    /// <summary>Letters with the same text whose origins are closer than this fraction of the font size are one glyph drawn twice (fake bold). Default 0.1.</summary>
    public double DuplicateLetterTolerance { get; set; } = 0.1;

    /// <summary>Segments whose positions differ by less than this are snapped to one ruling line. Default 2.</summary>
    public double RulingSnapTolerance { get; set; } = 2.0;

    /// <summary>Collinear segments separated by a gap up to this are merged. Default 3.</summary>
    public double RulingJoinTolerance { get; set; } = 3.0;

    /// <summary>Filled rectangles thinner than this are treated as ruling lines. Default 3.</summary>
    public double MaxRuleThickness { get; set; } = 3.0;

    /// <summary>Segments shorter than this are ignored. Default 3.</summary>
    public double MinRulingLength { get; set; } = 3.0;

    /// <summary>Within a text line, a horizontal gap larger than this many font sizes starts a new text run. Default 1.5.</summary>
    public double LineSplitGap { get; set; } = 1.5;

    /// <summary>Detect borderless (stream) tables where no rulings enclose the text. Default true.</summary>
    public bool DetectStreamTables { get; set; } = true;

    /// <summary>Minimum number of rows of a borderless table. Default 3.</summary>
    public int MinStreamRows { get; set; } = 3;

    /// <summary>Column x positions of a continuation fragment may differ from the previous page by this much. Default 8.</summary>
    public double ContinuationColumnTolerance { get; set; } = 8.0;

    /// <summary>Join tables that continue over pages into one logical table. Default true.</summary>
    public bool JoinContinuations { get; set; } = true;

    /// <summary>A page whose analysis takes longer than this is reported as <c>page_failed</c> and its tables skipped. Default 20 s.</summary>
    public TimeSpan PageTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>When set, one debug SVG per page is written to this directory.</summary>
    public string? DebugSvgDirectory { get; set; }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> when a setting is out of its range.</summary>
    public ExtractionOptions Validate()
    {
        Check(DuplicateLetterTolerance, 0, 2, nameof(DuplicateLetterTolerance));
        Check(RulingSnapTolerance, 0, 20, nameof(RulingSnapTolerance));
        Check(RulingJoinTolerance, 0, 50, nameof(RulingJoinTolerance));
        Check(MaxRuleThickness, 0.1, 20, nameof(MaxRuleThickness));
        Check(MinRulingLength, 0, 100, nameof(MinRulingLength));
        Check(LineSplitGap, 0.2, 20, nameof(LineSplitGap));
        Check(ContinuationColumnTolerance, 0, 100, nameof(ContinuationColumnTolerance));
        if (MinStreamRows < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(MinStreamRows), MinStreamRows, "must be at least 2");
        }

        if (PageTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(PageTimeout), PageTimeout, "must be positive");
        }

        return this;
    }

    private static void Check(double value, double min, double max, string name)
    {
        if (double.IsNaN(value) || value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(name, value, $"must be between {min} and {max}");
        }
    }
}
