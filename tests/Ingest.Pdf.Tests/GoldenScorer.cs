using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Ingest.Core.Layout;
using Ingest.Core.Records;
using Ingest.Tests.Common;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ingest.Pdf.Tests;

/// <summary>Score of one synthetic file (or the sum of several) against its truth record.</summary>
internal sealed record GoldenScore(
    string File,
    int TruthTables,
    int ExtractedTables,
    int TablesFound,
    int Rows,
    int RowsMatched,
    int Cells,
    int CellsMatched,
    int Headers,
    int HeadersMatched,
    IReadOnlyList<string> Problems)
{
    public static GoldenScore Sum(IEnumerable<GoldenScore> scores)
    {
        var list = scores.ToList();
        return new GoldenScore("total", list.Sum(s => s.TruthTables), list.Sum(s => s.ExtractedTables), list.Sum(s => s.TablesFound),
            list.Sum(s => s.Rows), list.Sum(s => s.RowsMatched), list.Sum(s => s.Cells), list.Sum(s => s.CellsMatched),
            list.Sum(s => s.Headers), list.Sum(s => s.HeadersMatched), []);
    }

    public double TableRate => TruthTables == 0 ? 1 : (double)TablesFound / TruthTables;
    public double RowRate => Rows == 0 ? 1 : (double)RowsMatched / Rows;
    public double CellRate => Cells == 0 ? 1 : (double)CellsMatched / Cells;
    public double HeaderRate => Headers == 0 ? 1 : (double)HeadersMatched / Headers;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{File}: tables {TablesFound}/{TruthTables} (extracted {ExtractedTables}), rows {RowsMatched}/{Rows} ({RowRate:P1}), " +
        $"cells {CellsMatched}/{Cells} ({CellRate:P1}), headers {HeadersMatched}/{Headers} ({HeaderRate:P1})");
}

/// <summary>
/// Compares the engine's logical tables on a synthetic corpus file with the truth record: every truth
/// table must be found (by title, or by its first rows), and each truth row's printed texts — its name and
/// its non-empty value cells, in column order — must appear in one grid row in that order. Leaf header
/// texts are checked in the header rows at the truth column index.
/// </summary>
internal static class GoldenScorer
{
    private static readonly ConcurrentDictionary<string, Lazy<GoldenScore>> Cache = new(StringComparer.Ordinal);

    /// <summary>Corpus PDFs that have a truth record (error variants excluded).</summary>
    public static IEnumerable<string> Files()
    {
        foreach (var line in File.ReadLines(Path.Combine(RepoPaths.Corpus, "manifest.csv")).Skip(1))
        {
            var parts = line.Split(',');
            if (parts.Length < 2 || parts[0].StartsWith("errors/", StringComparison.Ordinal))
            {
                continue;
            }

            if (File.Exists(Path.Combine(RepoPaths.Corpus, parts[1] + ".truth.json")))
            {
                yield return parts[0];
            }
        }
    }

    public static string Group(string file)
    {
        foreach (var line in File.ReadLines(Path.Combine(RepoPaths.Corpus, "manifest.csv")).Skip(1))
        {
            var parts = line.Split(',');
            if (parts[0] == file)
            {
                return parts[1];
            }
        }

        throw new InvalidOperationException("not in manifest: " + file);
    }

    public static GoldenScore Score(string file) =>
        Cache.GetOrAdd(file, f => new Lazy<GoldenScore>(() => Compute(f), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    public static string Norm(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (char.IsWhiteSpace(ch))
            {
                continue;
            }

            if ((ch == ',' || ch == '，') && i > 0 && i + 1 < text.Length && char.IsDigit(text[i - 1]) && char.IsDigit(text[i + 1]))
            {
                continue;
            }

            sb.Append(ch);
        }

        return sb.ToString();
    }

    private static GoldenScore Compute(string file)
    {
        var record = RecordJson.Deserialize(File.ReadAllText(Path.Combine(RepoPaths.Corpus, Group(file) + ".truth.json")))
            ?? throw new InvalidOperationException("no truth for " + file);
        var fileIndex = record.Files.FindIndex(f => string.Equals(Path.GetFileName(f.Path), file, StringComparison.Ordinal));
        var truthTables = record.Tables.Where(t => t.File == Math.Max(0, fileIndex)).ToList();

        var extractor = new PdfFileExtractor(new ExtractionOptions(), NullLogger<PdfFileExtractor>.Instance);
        var extracted = extractor.Extract(Path.Combine(RepoPaths.Corpus, file));
        var grids = extracted.Tables.Select(RowSequences).ToList();

        var problems = new List<string>();
        int found = 0, rows = 0, rowsOk = 0, cells = 0, cellsOk = 0, headers = 0, headersOk = 0;
        var usedTables = new HashSet<int>();
        foreach (var truth in truthTables)
        {
            var sequences = truth.Rows.Select(r => TruthSequence(truth, r)).ToList();
            var index = FindTable(truth, extracted.Tables, grids, sequences, usedTables);
            rows += sequences.Count;
            cells += sequences.Sum(s => s.Count);
            headers += truth.Columns.Count;
            if (index < 0)
            {
                problems.Add($"table not found: {truth.Type} '{truth.Title}' p{string.Join(",", truth.Pages)}");
                continue;
            }

            found++;
            usedTables.Add(index);
            var table = extracted.Tables[index];
            for (var i = 0; i < sequences.Count; i++)
            {
                var best = grids[index].Max(g => Lcs(sequences[i], g));
                cellsOk += best;
                if (best == sequences[i].Count)
                {
                    rowsOk++;
                }
                else if (problems.Count < 40)
                {
                    var closest = grids[index].MaxBy(g => Lcs(sequences[i], g)) ?? [];
                    problems.Add($"{truth.Type} row {truth.Rows[i].Index}: [{string.Join(" | ", sequences[i])}] best [{string.Join(" | ", closest)}]");
                }
            }

            var grid = TableGrid.Of(table);
            foreach (var column in truth.Columns)
            {
                var leaf = column.Header.Count > 0 ? Norm(column.Header[^1]) : "";
                var ok = false;
                for (var r = 0; r < Math.Min(grid.RowCount, Math.Max(table.HeaderRows, 1) + 1) && !ok; r++)
                {
                    ok = column.Index < grid.ColCount && Norm(grid.Text(r, column.Index)) == leaf;
                }

                if (ok)
                {
                    headersOk++;
                }
                else if (problems.Count < 40)
                {
                    var texts = Enumerable.Range(0, Math.Min(grid.RowCount, table.HeaderRows + 1))
                        .Select(r => column.Index < grid.ColCount ? grid.Text(r, column.Index) : "-");
                    problems.Add($"{truth.Type} header col {column.Index} '{leaf}': got [{string.Join(" / ", texts)}]");
                }
            }
        }

        return new GoldenScore(file, truthTables.Count, extracted.Tables.Count, found, rows, rowsOk, cells, cellsOk, headers, headersOk, problems);
    }

    /// <summary>The printed texts of a truth row in column order: the name (when the table has a label column) and the non-empty values.</summary>
    private static List<string> TruthSequence(TableRecord table, RowRecord row)
    {
        var columns = table.Columns.Where(c => c.Side == row.Side).OrderBy(c => c.Index).ToList();
        var seq = new List<string>();
        if (columns.Count > 0 && columns[0].Index > 0 && row.Name.Length > 0)
        {
            seq.Add(Norm(row.Name));
        }

        foreach (var c in columns)
        {
            if (row.Printed.TryGetValue(c.Id, out var text) && Norm(text).Length > 0)
            {
                seq.Add(Norm(text));
            }
        }

        return seq;
    }

    /// <summary>Per grid row: the non-empty cell texts left to right (a spanning cell once).</summary>
    private static List<List<string>> RowSequences(LogicalTable table)
    {
        var grid = TableGrid.Of(table);
        var result = new List<List<string>>(grid.RowCount);
        for (var r = 0; r < grid.RowCount; r++)
        {
            var seq = new List<string>();
            TableCell? last = null;
            for (var c = 0; c < grid.ColCount; c++)
            {
                var cell = grid[r, c];
                if (cell is null || ReferenceEquals(cell, last))
                {
                    continue;
                }

                last = cell;
                var text = Norm(cell.Text);
                if (text.Length > 0)
                {
                    seq.Add(text);
                }
            }

            result.Add(seq);
        }

        return result;
    }

    private static int FindTable(TableRecord truth, IReadOnlyList<LogicalTable> tables, List<List<List<string>>> grids,
        List<List<string>> sequences, HashSet<int> used)
    {
        var title = Norm(truth.Title ?? "");
        if (title.Length > 0)
        {
            for (var i = 0; i < tables.Count; i++)
            {
                var t = Norm(tables[i].Title ?? "");
                if (!used.Contains(i) && t.Length > 0 && (t.Contains(title, StringComparison.Ordinal) || title.Contains(t, StringComparison.Ordinal))
                    && tables[i].Pages.Intersect(truth.Pages).Any())
                {
                    return i;
                }
            }
        }

        // Otherwise the table whose rows hold the most of the first truth rows (at least one whole row).
        var best = -1;
        var bestScore = 0;
        for (var i = 0; i < tables.Count; i++)
        {
            if (used.Contains(i) || !tables[i].Pages.Intersect(truth.Pages).Any())
            {
                continue;
            }

            var score = sequences.Take(3).Count(s => s.Count > 0 && grids[i].Any(g => Lcs(s, g) == s.Count));
            if (score > bestScore)
            {
                best = i;
                bestScore = score;
            }
        }

        return best;
    }

    private static int Lcs(List<string> a, List<string> b)
    {
        var prev = new int[b.Count + 1];
        var cur = new int[b.Count + 1];
        for (var i = 1; i <= a.Count; i++)
        {
            for (var j = 1; j <= b.Count; j++)
            {
                cur[j] = string.Equals(a[i - 1], b[j - 1], StringComparison.Ordinal) ? prev[j - 1] + 1 : Math.Max(prev[j], cur[j - 1]);
            }

            (prev, cur) = (cur, prev);
        }

        return prev[b.Count];
    }
}
