using System.Diagnostics;
using System.Globalization;
using Ingest.Core.Layout;
using Ingest.Pdf;
using Ingest.Pdf.Evaluation;
using Ingest.Pdf.Output;
using Microsoft.Extensions.Logging.Abstractions;
using UglyToad.PdfPig;

namespace Ingest.Bench;

internal static class Program
{
    private static readonly CultureInfo Ci = CultureInfo.InvariantCulture;

    public static int Main(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: Ingest.Bench icdar [dir] [--doc name] [--dump] | speed <pdf files or dirs> | dump <pdf> [page...] [--svg dir] | scale --store PG [--docs N] [--concurrency C] [--scenarios 1,2,kill] [pdf dirs]");
            return 2;
        }

        return args[0] switch
        {
            "icdar" => Icdar(args[1..]),
            "speed" => Speed(args[1..]),
            "dump" => Dump(args[1..]),
            "dups" => Dups(args[1..]),
            "errors" => ErrorsBench.Run(args[1..]),
            "scale" => ScaleBench.Run(args[1..]),
            _ => Usage(),
        };
    }

    private static int Usage()
    {
        Console.Error.WriteLine("unknown command");
        return 2;
    }

    private static PdfFileExtractor Engine(ExtractionOptions? options = null) =>
        new(options ?? new ExtractionOptions(), NullLogger<PdfFileExtractor>.Instance);

    private static string DefaultIcdar()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Ingest.sln")))
        {
            dir = dir.Parent;
        }

        return Path.GetFullPath(Path.Combine(dir?.FullName ?? ".", "..", "shared", "benchmarks", "icdar2013"));
    }

    private static int Icdar(string[] args)
    {
        var dir = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal) && Directory.Exists(a)) ?? DefaultIcdar();
        var docIndex = Array.IndexOf(args, "--doc");
        var only = docIndex >= 0 && docIndex + 1 < args.Length ? args[docIndex + 1] : null;
        var dump = args.Contains("--dump");
        var options = new ExtractionOptions { JoinContinuations = false };
        var svg = Array.IndexOf(args, "--svg");
        if (svg >= 0 && svg + 1 < args.Length)
        {
            options.DebugSvgDirectory = args[svg + 1];
        }

        var engine = Engine(options);
        var watch = Stopwatch.StartNew();
        var scores = IcdarBenchmark.Run(dir, pdf => engine.Extract(pdf).Pages.SelectMany(p => p.Tables).ToList(),
            only is null ? null : name => name.Contains(only, StringComparison.Ordinal));
        Console.WriteLine($"{"document",-10} {"P",6} {"R",6} {"F1",6} {"correct",8} {"result",7} {"truth",7} tables");
        double sp = 0, sr = 0, sf = 0;
        foreach (var d in scores)
        {
            var s = d.Score;
            sp += s.Precision;
            sr += s.Recall;
            sf += s.F1;
            Console.WriteLine(string.Create(Ci, $"{d.Name,-10} {s.Precision,6:F3} {s.Recall,6:F3} {s.F1,6:F3} {s.Correct,8} {s.Result,7} {s.Truth,7} {d.Found.Count}"));
            if (dump)
            {
                foreach (var t in d.Found)
                {
                    Print(t);
                }
            }
        }

        var total = IcdarBenchmark.Total(scores);
        var n = Math.Max(1, scores.Count);
        Console.WriteLine(string.Create(Ci, $"average    P {sp / n:F4} R {sr / n:F4} F1 {sf / n:F4}  ({scores.Count} documents)"));
        Console.WriteLine(string.Create(Ci, $"total      P {total.Precision:F4} R {total.Recall:F4} F1 {total.F1:F4}  (correct {total.Correct}, result {total.Result}, truth {total.Truth})"));
        Console.WriteLine(string.Create(Ci, $"time {watch.Elapsed.TotalSeconds:F1} s"));
        return 0;
    }

    private static void Print(TableFragment t)
    {
        Console.WriteLine(string.Create(Ci, $"  -- page {t.Page} {t.Method} {t.RowCount}x{t.ColCount} header {t.HeaderRows} title [{t.Title}] unit [{t.UnitText}] captions [{string.Join(" | ", t.Captions)}] notes [{string.Join(" | ", t.Notes)}]"));
        var grid = TableGrid.Of(t);
        for (var r = 0; r < t.RowCount; r++)
        {
            var cells = new List<string>();
            for (var c = 0; c < t.ColCount; c++)
            {
                var cell = grid[r, c];
                cells.Add(cell is null ? "" : grid.IsOrigin(r, c) ? cell.Text + (cell.RowSpan > 1 || cell.ColSpan > 1 ? $"<{cell.RowSpan}x{cell.ColSpan}>" : "") : "^");
            }

            Console.WriteLine("     " + string.Join(" | ", cells));
        }
    }

    private static int Dump(string[] args)
    {
        var options = new ExtractionOptions();
        var svg = Array.IndexOf(args, "--svg");
        if (svg >= 0 && svg + 1 < args.Length)
        {
            options.DebugSvgDirectory = args[svg + 1];
        }

        var pages = args.Skip(1).TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal))
            .Select(a => int.Parse(a, Ci)).ToHashSet();
        var file = Engine(options).Extract(args[0], pages.Count > 0 ? pages : null);
        Console.WriteLine($"readable {file.Readable} pages {file.PageCount} sha {file.Sha256} tables {file.Tables.Count}");
        foreach (var d in file.Diagnostics)
        {
            Console.WriteLine($"  diag {d.Severity} {d.Code} p{d.Page}: {d.Message}");
        }

        foreach (var p in file.Pages)
        {
            Console.WriteLine(string.Create(Ci, $"== page {p.Number} rot {p.Rotation} {p.Width:F0}x{p.Height:F0} letters {p.LetterCount} lines {p.Lines.Count} tables {p.Tables.Count}"));
            if (args.Contains("--lines"))
            {
                foreach (var l in p.Lines)
                {
                    Console.WriteLine(string.Create(Ci, $"   [{l.Box.Left:F0},{l.Box.Top:F0}] {l.Text}"));
                }
            }

            foreach (var t in p.Tables)
            {
                Print(t);
            }
        }

        foreach (var t in file.Tables)
        {
            Console.WriteLine(string.Create(Ci, $"logical: pages [{string.Join(",", t.Pages)}] {t.RowCount}x{t.ColCount} header {t.HeaderRows} title [{t.Title}] unit [{t.UnitText}]"));
        }

        return 0;
    }

    private static int Dups(string[] args)
    {
        var tol = Environment.GetEnvironmentVariable("DUP_TOL");
        var options = new ExtractionOptions { DuplicateLetterTolerance = tol is null ? 0.1 : double.Parse(tol, Ci) };
        foreach (var f in ExpandPdfs(args))
        {
            using var doc = PdfDocument.Open(f);
            for (var i = 1; i <= doc.NumberOfPages; i++)
            {
                var page = doc.GetPage(i);
                var ls = page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).OrderBy(l => l.StartBaseLine.X).ToList();
                var near = 0;
                var example = "";
                for (var a = 0; a < ls.Count; a++)
                {
                    for (var b = a + 1; b < ls.Count && ls[b].StartBaseLine.X - ls[a].StartBaseLine.X < 3; b++)
                    {
                        if (ls[a].Value == ls[b].Value && Math.Abs(ls[a].StartBaseLine.Y - ls[b].StartBaseLine.Y) < 3)
                        {
                            near++;
                            example = $"{ls[a].Value} {ls[a].StartBaseLine} {ls[b].StartBaseLine} {ls[a].PointSize} {ls[b].PointSize}";
                        }
                    }
                }

                if (near > 0)
                {
                    Console.WriteLine($"{Path.GetFileName(f)} p{i}: near pairs {near} e.g. {example}");
                }

                var content = PageReader.Read(page, options);
                if (content.DuplicateLetters > 0)
                {
                    Console.WriteLine($"{Path.GetFileName(f)} p{i}: letters {content.RawLetterCount} glyphs {content.Glyphs.Count} duplicates {content.DuplicateLetters}");
                }
            }
        }

        return 0;
    }

    private static (long Pages, long Letters, long Paths) PdfPigOnly(List<string> files)
    {
        long pages = 0, letters = 0, paths = 0;
        foreach (var f in files)
        {
            using var doc = PdfDocument.Open(f, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
            for (var i = 1; i <= doc.NumberOfPages; i++)
            {
                var page = doc.GetPage(i);
                letters += page.Letters.Count;
                paths += page.Paths.Count;
                pages++;
            }
        }

        return (pages, letters, paths);
    }

    private static List<string> ExpandPdfs(IEnumerable<string> args) =>
        args.SelectMany(a => Directory.Exists(a) ? Directory.EnumerateFiles(a, "*.pdf", SearchOption.AllDirectories).Order(StringComparer.Ordinal) : (IEnumerable<string>)[a]).ToList();

    private static int Speed(string[] args)
    {
        var files = ExpandPdfs(args);
        if (files.Count == 0)
        {
            Console.Error.WriteLine("no PDF files");
            return 2;
        }

        // Warm up (JIT) both paths on the first file so neither pays for it in the timing.
        using (var warm = PdfDocument.Open(files[0]))
        {
            _ = warm.GetPage(1).Letters.Count;
        }

        _ = Engine().Extract(files[0], new HashSet<int> { 1 });
        GC.Collect();

        // (a) PdfPig only: open each page, read its letters and paths.
        var watch = Stopwatch.StartNew();
        var (pages, letters, paths) = PdfPigOnly(files);
        var pigSeconds = watch.Elapsed.TotalSeconds;
        var pigPeak = Environment.WorkingSet;
        using var proc = Process.GetCurrentProcess();
        proc.Refresh();
        var peakA = proc.PeakWorkingSet64;
        Console.WriteLine(string.Create(Ci, $"(a) PdfPig only : {files.Count} files, {pages} pages, {letters} letters, {paths} paths in {pigSeconds:F2} s = {pages / pigSeconds:F1} pages/s; peak working set {peakA / 1048576.0:F0} MB"));

        // (b) whole engine, single thread; then both again, alternating, so that JIT tiering and the
        // file cache favour neither side: the best of three rounds of each is compared.
        var engine = Engine();
        long enginePages = 0, tables = 0;
        var engSeconds = double.MaxValue;
        for (var round = 1; round <= 3; round++)
        {
            if (round > 1)
            {
                watch.Restart();
                _ = PdfPigOnly(files);
                var again = watch.Elapsed.TotalSeconds;
                pigSeconds = Math.Min(pigSeconds, again);
                Console.WriteLine(string.Create(Ci, $"(a) round {round}: {pages / again:F1} pages/s"));
            }

            watch.Restart();
            enginePages = 0;
            tables = 0;
            foreach (var f in files)
            {
                var file = engine.Extract(f);
                enginePages += file.Pages.Count;
                tables += file.Tables.Count;
            }

            var seconds = watch.Elapsed.TotalSeconds;
            engSeconds = Math.Min(engSeconds, seconds);
            Console.WriteLine(string.Create(Ci, $"(b) round {round}: {enginePages} pages, {tables} logical tables in {seconds:F2} s = {enginePages / seconds:F1} pages/s"));
        }

        proc.Refresh();
        var gc = GC.GetGCMemoryInfo();
        Console.WriteLine(string.Create(Ci, $"memory: peak working set {proc.PeakWorkingSet64 / 1048576.0:F0} MB (after PdfPig only: {peakA / 1048576.0:F0} MB), GC heap {gc.HeapSizeBytes / 1048576.0:F0} MB, allocated {GC.GetTotalAllocatedBytes() / 1048576.0:F0} MB"));
        Console.WriteLine(string.Create(Ci, $"best: PdfPig only {pages / pigSeconds:F1} pages/s, engine {enginePages / engSeconds:F1} pages/s = {(enginePages / engSeconds) / (pages / pigSeconds) * 100:F0}% (working set at end of (a): {pigPeak / 1048576.0:F0} MB)"));
        return 0;
    }
}
