using Ingest.Core.Layout;
using Ingest.Pdf.Tables;
using Ingest.Pdf.Text;

namespace Ingest.Pdf;

/// <summary>From the glyphs and rulings of one page to its layout: lines, tables and the text around them.</summary>
internal static class PageAnalyzer
{
    public static PageLayout Analyze(PageContent page, ExtractionOptions options, bool detectTables = true)
    {
        var used = new bool[page.Glyphs.Count];
        var raw = new List<RawTable>();
        if (detectTables)
        {
            raw.AddRange(LatticeDetector.Detect(page, used));
            if (options.DetectStreamTables)
            {
                raw.AddRange(StreamDetector.Detect(page, used, raw.Select(t => t.Bounds).ToList(), options));
            }

            raw.Sort((a, b) => a.Bounds.Top.CompareTo(b.Bounds.Top));
        }

        var lines = new List<TextLine>();
        var outside = new List<PageLine>();
        var outsideLines = new List<TextLine>();
        foreach (var row in LineBuilder.BuildRows(page.Glyphs, options.LineSplitGap))
        {
            foreach (var run in row.Runs)
            {
                var line = new TextLine(run.Text, run.Box);
                lines.Add(line);
                var inside = false;
                foreach (var t in raw)
                {
                    if (t.Bounds.Contains(run.Box.CenterX, run.Box.CenterY, 1))
                    {
                        inside = true;
                        break;
                    }
                }

                if (!inside)
                {
                    outside.Add(new PageLine(run.Text, run.Box, run.Size));
                    outsideLines.Add(line);
                }
            }
        }

        var fragments = TableDecorator.Decorate(page.Number, raw, outside);
        return new PageLayout
        {
            Number = page.Number,
            Width = page.Width,
            Height = page.Height,
            Rotation = page.Rotation,
            Lines = lines,
            Tables = fragments,
            TextOutsideTables = outsideLines,
            LetterCount = page.Glyphs.Count,
            ImageCount = page.ImageCount,
        };
    }
}
