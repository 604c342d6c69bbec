using System.CommandLine;
using Hangfire;
using Hangfire.Dashboard;
using Ingest.Cli.Jobs;
using Ingest.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ingest.Cli.Commands;

/// <summary><c>ingest dashboard</c>: Hangfire's dashboard for the shared queue, on 127.0.0.1 only, read-only unless asked.</summary>
internal static class DashboardCommand
{
    public static Command Create(CommandContext ctx)
    {
        var store = CommonOptions.Store();
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 (default 5080; 0 picks a free one)", DefaultValueFactory = _ => 5080 };
        var allowActions = new Option<bool>("--allow-actions") { Description = "Allow retrying and deleting jobs from the dashboard (read-only by default)" };
        var command = new Command("dashboard", "Serve Hangfire's dashboard of the shared queue on http://127.0.0.1:PORT/") { store, port, allowActions };
        command.SetAction(parse =>
        {
            var jobs = IngestJobStorage.Open(parse.GetRequiredValue(store));
            using var services = Services.Create(parse);
            var readOnly = !parse.GetValue(allowActions);
            using var app = Build(jobs, parse.GetValue(port), readOnly, services.Loggers);
            app.StartAsync(ctx.Cancellation).GetAwaiter().GetResult();
            ctx.Stderr.WriteLine($"dashboard on {string.Join(", ", app.Urls)} ({(readOnly ? "read-only" : "actions allowed")}); Ctrl-C stops");
            ctx.Cancellation.WaitHandle.WaitOne();
            app.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
            return ExitCodes.Interrupted;
        });
        return command;
    }

    internal static WebApplication Build(JobStorage jobs, int port, bool readOnly, ILoggerFactory loggers)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggers);
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Services.AddHangfire(_ => { });
        var app = builder.Build();
        app.MapGet("/", () => Results.Redirect("/hangfire"));
        app.UseHangfireDashboard("/hangfire", new DashboardOptions
        {
            DashboardTitle = "Ingest jobs",
            IsReadOnlyFunc = _ => readOnly,
            // Only requests from this machine: the dashboard listens on 127.0.0.1 and has no login.
            Authorization = [new LocalRequestsOnlyAuthorizationFilter()],
            DisplayStorageConnectionString = false,
        }, jobs);
        return app;
    }
}
