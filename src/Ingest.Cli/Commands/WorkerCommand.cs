using System.CommandLine;
using Hangfire;
using Ingest.Cli.Jobs;
using Ingest.Cli.Pipeline;
using Ingest.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ingest.Cli.Commands;

/// <summary>
/// <c>ingest worker</c>: a Hangfire server processing the shared queue. Any number of them, on any number of
/// machines, share one job list; a worker that dies has its job taken by another after the invisibility timeout.
/// </summary>
internal static class WorkerCommand
{
    public static Command Create(CommandContext ctx)
    {
        var store = CommonOptions.Store();
        var concurrency = new Option<int>("--concurrency", "-c")
        {
            Description = "Documents processed at once by this worker (one open document each)",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        concurrency.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--concurrency must be at least 1");
            }
        });
        var drain = new Option<bool>("--drain") { Description = "Exit once no job is queued, running or waiting for a retry" };
        var invisibility = new Option<int>("--invisibility-timeout")
        {
            Description = "Seconds before the job of a worker that stopped (killed, machine lost) is given to another worker",
            DefaultValueFactory = _ => (int)IngestJobStorage.DefaultInvisibilityTimeout.TotalSeconds,
        };
        var command = new Command("worker", "Process queued jobs (Hangfire server on the PostgreSQL --store)") { store, concurrency, drain, invisibility };
        command.SetAction(parse =>
        {
            var storeValue = parse.GetRequiredValue(store);
            var jobs = IngestJobStorage.Open(storeValue, TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(invisibility))));
            using var services = Services.Create(parse);
            using var records = RecordStores.Open(storeValue);
            var logger = services.Loggers.CreateLogger("Ingest.Worker");
            var workers = parse.GetValue(concurrency);

            var builder = new HostBuilder().ConfigureServices(s =>
            {
                s.AddSingleton(services.Loggers);
                s.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
                s.AddSingleton(services.Processor);
                s.AddSingleton(records);
                s.AddTransient<DocumentJob>();
                s.AddHangfire(_ => { });
                s.AddHangfireServer((_, options) =>
                {
                    options.WorkerCount = workers;
                    options.Queues = [IngestJobStorage.Queue];
                    options.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
                    options.SchedulePollingInterval = TimeSpan.FromSeconds(1);
                    options.ShutdownTimeout = TimeSpan.FromSeconds(30);
                }, jobs);
            });
            using var host = builder.Build();
            var started = DateTime.UtcNow;
            host.StartAsync(ctx.Cancellation).GetAwaiter().GetResult();
            ctx.Stderr.WriteLine($"worker {Environment.MachineName}:{Environment.ProcessId} processing {PostgresConnection.Redact(storeValue)} with {workers} at once{(parse.GetValue(drain) ? " until the queue is drained" : "; Ctrl-C stops")}");
            try
            {
                if (parse.GetValue(drain))
                {
                    WaitUntilDrained(jobs, ctx.Cancellation);
                }
                else
                {
                    ctx.Cancellation.WaitHandle.WaitOne();
                }
            }
            finally
            {
                host.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
            }

            logger.LogInformation("Worker stopped after {Seconds:0.0}s; store holds {Records} records", (DateTime.UtcNow - started).TotalSeconds, records.Count());
            ctx.Cancellation.ThrowIfCancellationRequested();
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Returns when nothing is queued, processing or scheduled for a retry, twice in a row a second apart.</summary>
    private static void WaitUntilDrained(JobStorage jobs, CancellationToken cancellationToken)
    {
        var monitoring = jobs.GetMonitoringApi();
        var idle = 0;
        while (idle < 2)
        {
            if (cancellationToken.WaitHandle.WaitOne(TimeSpan.FromSeconds(1)))
            {
                return;
            }

            var pending = monitoring.EnqueuedCount(IngestJobStorage.Queue) + monitoring.ProcessingCount() + monitoring.ScheduledCount();
            idle = pending == 0 ? idle + 1 : 0;
        }
    }
}
