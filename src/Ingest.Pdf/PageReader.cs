using Ingest.Pdf.Rulings;
using Ingest.Pdf.Text;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Graphics.Colors;

namespace Ingest.Pdf;

/// <summary>Reads one PdfPig page into glyphs and ruling segments in upright page space.</summary>
internal static class PageReader
{
    /// <summary>Turn applied on top of PdfPig's own /Rotate handling when most text runs sideways.</summary>
    private enum Turn
    {
        None,
        /// <summary>Text runs upwards: turn the page clockwise.</summary>
        Clockwise,
        /// <summary>Text runs downwards: turn the page counter-clockwise.</summary>
        CounterClockwise,
        Half,
    }

    private readonly record struct Frame(double Width, double Height, double OffsetX, double Top, Turn Turn)
    {
        /// <summary>PDF user space (y up, as PdfPig reports it) to upright top-left space.</summary>
        public (double X, double Y) Map(PdfPoint p)
        {
            var x = p.X - OffsetX;
            var y = Top - p.Y;
            return Turn switch
            {
                Turn.Clockwise => (Height - y, x),
                Turn.CounterClockwise => (y, Width - x),
                Turn.Half => (Width - x, Height - y),
                _ => (x, y),
            };
        }

        public double OutWidth => Turn is Turn.Clockwise or Turn.CounterClockwise ? Height : Width;
        public double OutHeight => Turn is Turn.Clockwise or Turn.CounterClockwise ? Width : Height;
    }

    public static PageContent Read(Page page, ExtractionOptions options)
    {
        var rotation = ((page.Rotation.Value % 360) + 360) % 360;
        var crop = page.CropBox.Bounds;
        var frame = rotation == 0 && crop.Width > 1 && crop.Height > 1
            ? new Frame(crop.Width, crop.Height, crop.Left, crop.Top, Turn.None)
            : new Frame(page.Width, page.Height, 0, page.Height, Turn.None);

        var letters = page.Letters;
        frame = frame with { Turn = DominantTurn(letters, frame) };

        var glyphs = new List<Glyph>(letters.Count);
        var seen = new Dictionary<(string, long, long), (double X, double Y)>();
        var duplicates = 0;
        var unmapped = 0;
        double w = frame.OutWidth, h = frame.OutHeight;
        foreach (var letter in letters)
        {
            var value = letter.Value;
            if (string.IsNullOrEmpty(value) || value.Contains('\uFFFD', StringComparison.Ordinal) || IsPrivateUse(value))
            {
                unmapped++;
                continue;
            }

            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            var g = ToGlyph(letter, value, frame);
            if (g.CenterX < -1 || g.CenterY < -1 || g.CenterX > w + 1 || g.CenterY > h + 1)
            {
                continue; // drawn outside the visible page
            }

            // Fake bold: the same glyph drawn again at (almost) the same spot. Adjacent equal letters ("ll", "00")
            // are a glyph width apart, far more than the tolerance.
            var q = Math.Max(0.2, g.Size * options.DuplicateLetterTolerance);
            var kx = (long)Math.Floor(g.Left / q);
            var ky = (long)Math.Floor(g.Bottom / q);
            var dup = false;
            for (var dx = -1; dx <= 1 && !dup; dx++)
            {
                for (var dy = -1; dy <= 1 && !dup; dy++)
                {
                    if (seen.TryGetValue((value, kx + dx, ky + dy), out var other))
                    {
                        dup = Math.Abs(other.X - g.Left) <= q && Math.Abs(other.Y - g.Bottom) <= q;
                    }
                }
            }

            if (dup)
            {
                duplicates++;
                continue;
            }

            seen[(value, kx, ky)] = (g.Left, g.Bottom);
            glyphs.Add(g);
        }

        var segments = new List<Ruling>();
        foreach (var path in page.Paths)
        {
            AddPathRulings(path, frame, options, segments);
        }

        return new PageContent
        {
            Number = page.Number,
            Width = w,
            Height = h,
            Rotation = rotation,
            Glyphs = glyphs,
            Rulings = RulingMerger.Merge(segments, options),
            RawLetterCount = letters.Count,
            DuplicateLetters = duplicates,
            UnmappedLetters = unmapped,
            ImageCount = page.NumberOfImages,
        };
    }

    private static bool IsPrivateUse(string value)
    {
        foreach (var c in value)
        {
            if (c is >= '\uE000' and <= '\uF8FF')
            {
                return true;
            }
        }

        return false;
    }

    private static Turn DominantTurn(IReadOnlyList<Letter> letters, Frame frame)
    {
        int right = 0, up = 0, down = 0, left = 0;
        foreach (var l in letters)
        {
            if (string.IsNullOrWhiteSpace(l.Value))
            {
                continue;
            }

            var (ax, ay) = frame.Map(l.StartBaseLine);
            var (bx, by) = frame.Map(l.EndBaseLine);
            double dx = bx - ax, dy = by - ay;
            if (Math.Abs(dx) >= Math.Abs(dy))
            {
                if (dx >= 0)
                {
                    right++;
                }
                else
                {
                    left++;
                }
            }
            else if (dy < 0)
            {
                up++;
            }
            else
            {
                down++;
            }
        }

        var total = right + up + down + left;
        if (total < 20 || right * 2 >= total)
        {
            return Turn.None;
        }

        var max = Math.Max(up, Math.Max(down, left));
        if (max * 10 < total * 6)
        {
            return Turn.None;
        }

        return max == up ? Turn.Clockwise : max == down ? Turn.CounterClockwise : Turn.Half;
    }

    private static Glyph ToGlyph(Letter letter, string value, Frame frame)
    {
        var box = letter.BoundingBox;
        var (x1, y1) = frame.Map(box.TopLeft);
        var (x2, y2) = frame.Map(box.TopRight);
        var (x3, y3) = frame.Map(box.BottomLeft);
        var (x4, y4) = frame.Map(box.BottomRight);
        var left = Math.Min(Math.Min(x1, x2), Math.Min(x3, x4));
        var right = Math.Max(Math.Max(x1, x2), Math.Max(x3, x4));
        var top = Math.Min(Math.Min(y1, y2), Math.Min(y3, y4));
        var bottom = Math.Max(Math.Max(y1, y2), Math.Max(y3, y4));

        var (sx, sy) = frame.Map(letter.StartBaseLine);
        var (ex, ey) = frame.Map(letter.EndBaseLine);
        var upright = ex - sx > Math.Abs(ey - sy) * 4 || (Math.Abs(ex - sx) < 1e-6 && Math.Abs(ey - sy) < 1e-6 && letter.TextOrientation == TextOrientation.Horizontal);
        var size = letter.PointSize > 0.5 ? letter.PointSize : Math.Max(bottom - top, 1);
        if (size > 200)
        {
            size = Math.Max(bottom - top, 1);
        }

        if (upright)
        {
            // A nominal box from the baseline: glyph outlines vary (一 vs 量), lines should not.
            // The advance (baseline start to end) rather than the outline: "1" has a narrow outline but a full advance.
            if (ex - sx > 0.1 && ex - sx < size * 3)
            {
                left = sx;
                right = ex;
            }

            top = sy - (0.8 * size);
            bottom = sy + (0.2 * size);
        }
        else if (bottom - top < 0.1)
        {
            top -= size * 0.5;
            bottom += size * 0.5;
        }

        return new Glyph(value, left, top, right, bottom, size, upright);
    }

    private static bool IsVisible(IColor? color)
    {
        if (color is null)
        {
            return true;
        }

        try
        {
            var (r, g, b) = color.ToRGBValues();
            return r < 0.94 || g < 0.94 || b < 0.94;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
        catch (NotSupportedException)
        {
            return true;
        }
    }

    private static void AddPathRulings(UglyToad.PdfPig.Graphics.PdfPath path, Frame frame, ExtractionOptions options, List<Ruling> output)
    {
        if (path.IsClipping)
        {
            return;
        }

        var stroked = path.IsStroked && IsVisible(path.StrokeColor);
        var filled = path.IsFilled && IsVisible(path.FillColor);
        if (!stroked && !filled)
        {
            return;
        }

        var points = new List<(double X, double Y)>(8);
        foreach (var sub in path)
        {
            points.Clear();
            var axisAligned = true;
            (double X, double Y)? start = null;
            (double X, double Y)? last = null;
            foreach (var cmd in sub.Commands)
            {
                switch (cmd)
                {
                    case PdfSubpath.Move m:
                        start = last = frame.Map(m.Location);
                        points.Add(last.Value);
                        break;
                    case PdfSubpath.Line ln:
                        {
                            var a = frame.Map(ln.From);
                            var b = frame.Map(ln.To);
                            start ??= a;
                            points.Add(b);
                            axisAligned &= AddSegment(a, b, stroked, options, output);
                            last = b;
                            break;
                        }

                    case PdfSubpath.Close:
                        if (start is { } s && last is { } l)
                        {
                            axisAligned &= AddSegment(l, s, stroked, options, output);
                        }

                        break;
                    default:
                        axisAligned = false;
                        break;
                }
            }

            if (!filled || stroked || points.Count < 3 || !axisAligned)
            {
                continue;
            }

            double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
            foreach (var (x, y) in points)
            {
                minX = Math.Min(minX, x);
                maxX = Math.Max(maxX, x);
                minY = Math.Min(minY, y);
                maxY = Math.Max(maxY, y);
            }

            double width = maxX - minX, height = maxY - minY;
            if (height <= options.MaxRuleThickness && width >= options.MinRulingLength && width > height)
            {
                output.Add(new Ruling(true, (minY + maxY) / 2, minX, maxX));
            }
            else if (width <= options.MaxRuleThickness && height >= options.MinRulingLength && height > width)
            {
                output.Add(new Ruling(false, (minX + maxX) / 2, minY, maxY));
            }
            else if (width > options.MaxRuleThickness && height > options.MaxRuleThickness
                && width * height < frame.OutWidth * frame.OutHeight * 0.5)
            {
                // A shaded cell or box: its edges act as rulings.
                output.Add(new Ruling(true, minY, minX, maxX));
                output.Add(new Ruling(true, maxY, minX, maxX));
                output.Add(new Ruling(false, minX, minY, maxY));
                output.Add(new Ruling(false, maxX, minY, maxY));
            }
        }
    }

    /// <summary>Adds a stroked segment when axis-aligned; returns whether it was axis-aligned (or degenerate).</summary>
    private static bool AddSegment((double X, double Y) a, (double X, double Y) b, bool stroked, ExtractionOptions options, List<Ruling> output)
    {
        double dx = Math.Abs(b.X - a.X), dy = Math.Abs(b.Y - a.Y);
        if (dx < 0.5 && dy < 0.5)
        {
            return true;
        }

        if (dy < 0.5)
        {
            if (stroked && dx >= options.MinRulingLength)
            {
                output.Add(new Ruling(true, (a.Y + b.Y) / 2, Math.Min(a.X, b.X), Math.Max(a.X, b.X)));
            }

            return true;
        }

        if (dx < 0.5)
        {
            if (stroked && dy >= options.MinRulingLength)
            {
                output.Add(new Ruling(false, (a.X + b.X) / 2, Math.Min(a.Y, b.Y), Math.Max(a.Y, b.Y)));
            }

            return true;
        }

        return false;
    }
}
