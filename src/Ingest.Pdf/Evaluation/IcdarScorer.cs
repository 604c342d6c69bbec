using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Ingest.Core.Layout;

namespace Ingest.Pdf.Evaluation;

/// <summary>A table cell for scoring: grid slot, inclusive end, text.</summary>
internal sealed record ScoreCell(int Row, int Col, int EndRow, int EndCol, string Text);

/// <summary>A table for scoring: the pages it is on and its cells.</summary>
internal sealed record ScoreTable(IReadOnlySet<int> Pages, IReadOnlyList<ScoreCell> Cells)
{
    public static ScoreTable From(TableFragment f) => new(new HashSet<int> { f.Page },
        f.Cells.Select(c => new ScoreCell(c.Row, c.Col, c.Row + c.RowSpan - 1, c.Col + c.ColSpan - 1, c.Text)).ToList());
}

/// <summary>One adjacency relation: two neighbouring non-blank cells, the direction and the blank slots between them.</summary>
internal readonly record struct Relation(string From, string To, char Direction, int Blanks);

/// <summary>Counts for one document (or a total).</summary>
internal readonly record struct Score(int Correct, int Result, int Truth)
{
    public double Precision => Result == 0 ? (Truth == 0 ? 1 : 0) : (double)Correct / Result;
    public double Recall => Truth == 0 ? (Result == 0 ? 1 : 0) : (double)Correct / Truth;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static Score operator +(Score a, Score b) => new(a.Correct + b.Correct, a.Result + b.Result, a.Truth + b.Truth);
}

/// <summary>
/// The ICDAR 2013 table competition structure metric (adjacency relations), as described in the benchmark README:
/// text normalised (CR, LF and ASCII whitespace deleted, upper-case), relations from every non-blank cell to the
/// next different non-blank cell to the right and below with the number of blank slots skipped, duplicates from
/// spans dropped, each ground-truth table matched to the unused result table on the same page with most correct relations.
/// </summary>
internal static class IcdarScorer
{
    public static string Normalize(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            if (ch is ' ' or '\t' or '\r' or '\n' or '\f' or '\v')
            {
                continue;
            }

            sb.Append(char.ToUpperInvariant(ch));
        }

        return sb.ToString();
    }

    /// <summary>Reads the tables of an <c>X-str.xml</c> file; regions of one table are joined through their increments.</summary>
    public static List<ScoreTable> LoadGroundTruth(string strXmlPath)
    {
        var doc = XDocument.Load(strXmlPath);
        var tables = new List<ScoreTable>();
        foreach (var table in doc.Descendants("table"))
        {
            var pages = new HashSet<int>();
            var cells = new List<ScoreCell>();
            foreach (var region in table.Elements("region"))
            {
                var page = Int(region, "page", 1);
                pages.Add(page);
                var dc = Int(region, "col-increment", 0);
                var dr = Int(region, "row-increment", 0);
                foreach (var cell in region.Elements("cell"))
                {
                    var sc = Int(cell, "start-col", 0);
                    var sr = Int(cell, "start-row", 0);
                    var ec = Int(cell, "end-col", sc);
                    var er = Int(cell, "end-row", sr);
                    var text = cell.Element("content")?.Value ?? "";
                    cells.Add(new ScoreCell(sr + dr, sc + dc, er + dr, ec + dc, text));
                }
            }

            tables.Add(new ScoreTable(pages, cells));
        }

        return tables;
    }

    private static int Int(XElement e, string name, int fallback) =>
        int.TryParse(e.Attribute(name)?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : fallback;

    /// <summary>The adjacency relations of a table.</summary>
    public static List<Relation> Relations(IReadOnlyList<ScoreCell> cells)
    {
        var result = new List<Relation>();
        if (cells.Count == 0)
        {
            return result;
        }

        var rows = cells.Max(c => c.EndRow) + 1;
        var cols = cells.Max(c => c.EndCol) + 1;
        var slot = new int[rows, cols];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < cols; c++)
            {
                slot[r, c] = -1;
            }
        }

        var texts = new string[cells.Count];
        for (var i = 0; i < cells.Count; i++)
        {
            var cell = cells[i];
            texts[i] = Normalize(cell.Text);
            for (var r = Math.Max(0, cell.Row); r <= cell.EndRow; r++)
            {
                for (var c = Math.Max(0, cell.Col); c <= cell.EndCol; c++)
                {
                    slot[r, c] = i;
                }
            }
        }

        bool Blank(int id) => id < 0 || texts[id].Length == 0;
        var seen = new HashSet<(int, int, char)>();
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < cols; c++)
            {
                var a = slot[r, c];
                if (Blank(a))
                {
                    continue;
                }

                // Right.
                var blanks = 0;
                for (var c2 = c + 1; c2 < cols; c2++)
                {
                    var b = slot[r, c2];
                    if (b == a)
                    {
                        continue;
                    }

                    if (Blank(b))
                    {
                        blanks++;
                        continue;
                    }

                    if (seen.Add((a, b, 'R')))
                    {
                        result.Add(new Relation(texts[a], texts[b], 'R', blanks));
                    }

                    break;
                }

                // Down.
                blanks = 0;
                for (var r2 = r + 1; r2 < rows; r2++)
                {
                    var b = slot[r2, c];
                    if (b == a)
                    {
                        continue;
                    }

                    if (Blank(b))
                    {
                        blanks++;
                        continue;
                    }

                    if (seen.Add((a, b, 'D')))
                    {
                        result.Add(new Relation(texts[a], texts[b], 'D', blanks));
                    }

                    break;
                }
            }
        }

        return result;
    }

    /// <summary>Number of relations of <paramref name="result"/> that equal a relation of <paramref name="truth"/> (multiset).</summary>
    public static int CountCorrect(List<Relation> truth, List<Relation> result)
    {
        var counts = new Dictionary<Relation, int>();
        foreach (var t in truth)
        {
            counts[t] = counts.GetValueOrDefault(t) + 1;
        }

        var correct = 0;
        foreach (var r in result)
        {
            if (counts.TryGetValue(r, out var n) && n > 0)
            {
                counts[r] = n - 1;
                correct++;
            }
        }

        return correct;
    }

    /// <summary>Scores one document: ground truth tables against result tables.</summary>
    public static Score ScoreDocument(IReadOnlyList<ScoreTable> truth, IReadOnlyList<ScoreTable> result)
    {
        var resultRelations = result.Select(t => Relations(t.Cells)).ToList();
        var used = new bool[result.Count];
        int correct = 0, truthCount = 0;
        foreach (var gt in truth)
        {
            var gtRel = Relations(gt.Cells);
            truthCount += gtRel.Count;
            int best = -1, bestCorrect = 0;
            for (var i = 0; i < result.Count; i++)
            {
                if (used[i] || !result[i].Pages.Overlaps(gt.Pages))
                {
                    continue;
                }

                var n = CountCorrect(gtRel, resultRelations[i]);
                if (best < 0 || n > bestCorrect)
                {
                    best = i;
                    bestCorrect = n;
                }
            }

            if (best >= 0)
            {
                used[best] = true;
                correct += bestCorrect;
            }
        }

        return new Score(correct, resultRelations.Sum(r => r.Count), truthCount);
    }
}
