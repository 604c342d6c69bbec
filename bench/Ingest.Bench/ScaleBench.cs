using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Ingest.Bench;

/// <summary>
/// <c>scale</c>: the scale-out measurements on this machine, with real <c>ingest</c> processes against one PostgreSQL.
/// (1) one worker vs two workers on the same batch; (2) a worker SIGKILLed mid-batch, the other finishing after the
/// invisibility timeout; (3) worker memory sampled over the batch; every run checked: each input in exactly one record.
/// Each scenario gets a fresh database, dropped afterwards.
/// </summary>
internal static class ScaleBench
{
    private static readonly CultureInfo Ci = CultureInfo.InvariantCulture;

    public static int Run(string[] args)
    {
        string Arg(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }

        var admin = Arg("--store", Environment.GetEnvironmentVariable("INGEST_BENCH_POSTGRES") ?? Environment.GetEnvironmentVariable("INGEST_TEST_POSTGRES") ?? "");
        if (admin.Length == 0)
        {
            Console.Error.WriteLine("scale: give --store 'Host=…;Username=…;Password=…;Database=…' (a role that may CREATE DATABASE), or set INGEST_BENCH_POSTGRES");
            return 2;
        }

        var docs = int.Parse(Arg("--docs", "200"), Ci);
        var concurrency = int.Parse(Arg("--concurrency", "1"), Ci);
        var invisibility = int.Parse(Arg("--invisibility-timeout", "30"), Ci);
        var scenarios = Arg("--scenarios", "1,2,kill").Split(',');
        // e.g. "-c synchronous_commit=off": PostgreSQL session settings of the workers' connections.
        var pgOptions = Arg("--pg-options", "");
        var root = Root();
        var cli = Path.GetFullPath(Arg("--cli", Path.Combine(root, "src", "Ingest.Cli", "bin", "Release", "net10.0", "ingest.dll")));
        var sources = args.Where(a => Directory.Exists(a) || a.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)).ToList();
        if (sources.Count == 0)
        {
            sources.Add(Path.Combine(root, "corpus"));
        }

        var inputs = Inputs(sources, docs, Path.Combine(root, ".bench", "scale", $"unique-{docs}"));
        Console.WriteLine($"scale: {inputs.Count} documents (unique copies of {sources.Count} source folders/files), workers at --concurrency {concurrency}, {Environment.ProcessorCount} cores, cli {cli}");

        Result? one = null;
        foreach (var scenario in scenarios)
        {
            switch (scenario)
            {
                case "1" or "2" or "3" or "4":
                    var n = int.Parse(scenario, Ci);
                    var result = Batch(admin, cli, inputs, n, concurrency, invisibility, killAfter: null, pgOptions);
                    if (n == 1)
                    {
                        one = result;
                    }
                    else if (one is not null)
                    {
                        Console.WriteLine(string.Create(Ci, $"  speed-up {n} workers vs 1: {one.Seconds / result.Seconds:F2}x wall, {one.Span / result.Span:F2}x first-to-last-record span"));
                    }

                    break;
                case "kill":
                    Batch(admin, cli, inputs, 2, concurrency, invisibility, killAfter: Math.Max(1, inputs.Count / 3), pgOptions);
                    break;
                default:
                    Console.Error.WriteLine($"unknown scenario '{scenario}'");
                    return 2;
            }
        }

        return 0;
    }

    private sealed record Result(double Seconds, double Span);

    private static Result Batch(string admin, string cli, List<string> inputs, int workers, int concurrency, int invisibility, int? killAfter, string pgOptions)
    {
        var label = killAfter is null ? $"{workers} worker(s)" : $"{workers} workers, one SIGKILLed after {killAfter} records";
        var db = "ingest_bench_" + Guid.NewGuid().ToString("N")[..12];
        Sql(admin, $"CREATE DATABASE {db}");
        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = db };
        if (pgOptions.Length > 0)
        {
            builder.Options = pgOptions;
        }

        var store = builder.ConnectionString;
        try
        {
            var enqueue = Stopwatch.StartNew();
            // Enqueue by folder: the inputs folder holds exactly this batch.
            Cli(cli, ["enqueue", Path.GetDirectoryName(inputs[0])!, "--store", store, "-q", "--log-file", Path.Combine(Path.GetTempPath(), db + "-enqueue.json")], wait: true);
            Console.WriteLine(string.Create(Ci, $"[{label}] enqueued {inputs.Count} jobs in {enqueue.Elapsed.TotalSeconds:F1}s"));

            var watch = Stopwatch.StartNew();
            var procs = Enumerable.Range(0, workers).Select(i => Cli(cli,
                ["worker", "--store", store, "--drain", "--concurrency", concurrency.ToString(Ci), "--invisibility-timeout", invisibility.ToString(Ci),
                 "-q", "--log-file", Path.Combine(Path.GetTempPath(), $"{db}-worker{i}.json")], wait: false)).ToList();
            var rss = procs.Select(_ => new List<long>()).ToList();
            var cpu = new double[procs.Count];
            var (busy0, total0) = MachineTicks();
            var pg0 = PostgresCpu();
            var walSyncs0 = Count(admin, "SELECT wal_sync FROM pg_stat_wal");
            var pgLast = new Dictionary<int, double>(pg0);
            var load = new List<double>();
            var killed = -1;
            double? killedAt = null;
            while (procs.Any(p => !p.HasExited))
            {
                Thread.Sleep(1000);
                for (var i = 0; i < procs.Count; i++)
                {
                    if (!procs[i].HasExited && Rss(procs[i].Id) is { } kb)
                    {
                        rss[i].Add(kb);
                        cpu[i] = CpuSeconds(procs[i].Id) ?? cpu[i];
                    }
                }

                foreach (var (pid, used) in PostgresCpu())
                {
                    pgLast[pid] = used;
                }

                load.Add(double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], Ci));
                if (killAfter is { } k && killed < 0 && Count(store, "SELECT COUNT(*) FROM documents") >= k)
                {
                    killed = 0;
                    killedAt = watch.Elapsed.TotalSeconds;
                    // SIGKILL: no shutdown, its running jobs stay fetched until the invisibility timeout.
                    procs[0].Kill();
                    Console.WriteLine(string.Create(Ci, $"  SIGKILL worker pid {procs[0].Id} at {killedAt:F1}s with {Count(store, "SELECT COUNT(*) FROM documents")} records stored; invisibility timeout {invisibility}s"));
                }

                if (watch.Elapsed > TimeSpan.FromMinutes(60))
                {
                    procs.ForEach(p => p.Kill());
                    Console.WriteLine("  timed out after 60 minutes");
                }
            }

            var seconds = watch.Elapsed.TotalSeconds;
            var (busy1, total1) = MachineTicks();
            // Backends end with the workers' connections: their CPU is the last sample taken while they lived.
            var pgCpu = pgLast.Sum(kv => kv.Value - pg0.GetValueOrDefault(kv.Key));
            var commits = Count(store, "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()");
            var walSyncs = Count(admin, "SELECT wal_sync FROM pg_stat_wal") - walSyncs0;
            var span = Count(store, "SELECT (EXTRACT(EPOCH FROM max(updated_at) - min(updated_at)) * 1000)::bigint FROM documents") / 1000.0;
            var records = Count(store, "SELECT COUNT(*) FROM documents");
            var sources = Count(store, "SELECT COUNT(DISTINCT source) FROM documents");
            var items = Count(store, "SELECT COUNT(*) FROM line_items");
            var failedJobs = Count(store, "SELECT COUNT(*) FROM hangfire.job WHERE statename = 'Failed'");
            var succeeded = Count(store, "SELECT COUNT(*) FROM hangfire.job WHERE statename = 'Succeeded'");
            var expected = inputs.Select(Path.GetFullPath).ToHashSet(StringComparer.Ordinal);
            // A narrative file and a tables file of one document are one record (enqueue groups them): count files.
            var stored = Strings(store, "SELECT jsonb_array_elements(record->'files')->>'path' FROM documents");
            var missing = expected.Count(e => !stored.Contains(e));
            Console.WriteLine(string.Create(Ci,
                $"  {workers} worker(s): {seconds:F1}s wall (processes start to last exit), {span:F1}s first to last record = {records / Math.Max(0.001, span):F1} docs/s; " +
                $"records {records} for {inputs.Count} inputs (distinct sources {sources}, input files in no record {missing}), line items {items}; jobs succeeded {succeeded}, failed {failedJobs}"));
            // The machine is shared: say how much of it the workers had.
            Console.WriteLine(string.Create(Ci,
                $"  machine: {Environment.ProcessorCount} cores {100.0 * (busy1 - busy0) / Math.Max(1, total1 - total0):F0}% busy, load average {(load.Count > 0 ? load.Average() : 0):F1}; worker CPU {cpu.Sum():F1}s (= {cpu.Sum() / seconds:F2} cores, " +
                $"{1000 * cpu.Sum() / Math.Max(1, records):F0} ms a document), PostgreSQL CPU {pgCpu:F1}s (= {pgCpu / seconds:F2} cores, {1000 * pgCpu / Math.Max(1, records):F0} ms a document), " +
                $"{(double)commits / Math.Max(1, records):F1} transactions and {(double)walSyncs / Math.Max(1, records):F1} WAL syncs a document{(pgOptions.Length > 0 ? $" (session options {pgOptions})" : "")}"));
            for (var i = 0; i < procs.Count; i++)
            {
                var s = rss[i];
                if (s.Count >= 4)
                {
                    var q = s.Count / 4;
                    Console.WriteLine(string.Create(Ci,
                        $"  worker {i}{(i == killed ? " (killed)" : "")} exit {(i == killed ? "SIGKILL" : procs[i].ExitCode.ToString(Ci))}: RSS samples {s.Count}, first quarter avg {s.Take(q).Average() / 1024:F0} MB, last quarter avg {s.Skip(s.Count - q).Average() / 1024:F0} MB, max {s.Max() / 1024.0:F0} MB; " +
                        $"at 10%..100% of its run: {string.Join(" ", Enumerable.Range(1, 10).Select(d => (s[Math.Min(s.Count - 1, (s.Count * d / 10) - 1)] / 1024).ToString(Ci)))} MB"));
                }
            }

            return new Result(seconds, span);
        }
        finally
        {
            Drop(admin, db);
        }
    }

    /// <summary>N inputs: unique copies of the source PDFs (a trailing PDF comment makes each copy's bytes, so its id, unique).</summary>
    private static List<string> Inputs(List<string> sources, int count, string dir)
    {
        var pdfs = sources.SelectMany(s => Directory.Exists(s) ? Directory.EnumerateFiles(s, "*.pdf", SearchOption.AllDirectories) : [s])
            .Order(StringComparer.Ordinal).ToList();
        if (Directory.Exists(dir) && Directory.EnumerateFiles(dir, "*.pdf").Count() == count)
        {
            return Directory.EnumerateFiles(dir, "*.pdf").Order(StringComparer.Ordinal).ToList();
        }

        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }

        Directory.CreateDirectory(dir);
        var result = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var src = pdfs[i % pdfs.Count];
            var dst = Path.Combine(dir, string.Create(Ci, $"{i:D5}_{Path.GetFileName(src)}"));
            // Every copy unique: identical bytes are one document (the id is their SHA-256), and the corpora
            // share some files (corpus-large starts with the same seed as corpus; error variants repeat).
            File.Copy(src, dst);
            File.AppendAllText(dst, string.Create(Ci, $"\n% ingest bench copy {i}\n"));

            result.Add(dst);
        }

        return result;
    }

    private static Process Cli(string cli, string[] args, bool wait)
    {
        var psi = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = false };
        psi.ArgumentList.Add(cli);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        var p = Process.Start(psi)!;
        p.OutputDataReceived += (_, _) => { };
        p.BeginOutputReadLine();
        if (wait)
        {
            p.WaitForExit();
        }

        return p;
    }

    private static long? Rss(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], Ci);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static double? CpuSeconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], Ci) + long.Parse(fields[12], Ci)) / 100.0;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>CPU seconds used so far by each live PostgreSQL process (server and backends) of this machine.</summary>
    private static Dictionary<int, double> PostgresCpu()
    {
        var total = new Dictionary<int, double>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, Ci, out var pid))
            {
                continue;
            }

            try
            {
                if (File.ReadAllText(Path.Combine(dir, "comm")).Trim() == "postgres")
                {
                    total[pid] = CpuSeconds(pid) ?? 0;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // the process ended meanwhile
            }
        }

        return total;
    }

    private static (long Busy, long Total) MachineTicks()
    {
        var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(v => long.Parse(v, Ci)).ToArray();
        var idle = cpu[3] + cpu[4];
        return (cpu.Sum() - idle, cpu.Sum());
    }

    /// <summary>Drops a benchmark database; backends of a killed worker may take a moment to go.</summary>
    private static void Drop(string admin, string db)
    {
        NpgsqlConnection.ClearAllPools();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Sql(admin, $"DROP DATABASE IF EXISTS {db} WITH (FORCE)");
                return;
            }
            catch (PostgresException ex) when (attempt < 10)
            {
                Console.Error.WriteLine($"  drop {db}: {ex.MessageText}; retrying");
                Thread.Sleep(2000);
            }
        }
    }

    private static void Sql(string conn, string sql)
    {
        using var c = new NpgsqlConnection(conn);
        c.Open();
        using var cmd = new NpgsqlCommand(sql, c);
        cmd.ExecuteNonQuery();
    }

    private static long Count(string conn, string sql)
    {
        using var c = new NpgsqlConnection(conn);
        c.Open();
        using var cmd = new NpgsqlCommand(sql, c);
        return cmd.ExecuteScalar() is { } v and not DBNull ? Convert.ToInt64(v, Ci) : 0;
    }

    private static HashSet<string> Strings(string conn, string sql)
    {
        using var c = new NpgsqlConnection(conn);
        c.Open();
        using var cmd = new NpgsqlCommand(sql, c);
        using var r = cmd.ExecuteReader();
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (r.Read())
        {
            set.Add(r.GetString(0));
        }

        return set;
    }

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Ingest.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }
}
