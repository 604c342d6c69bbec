using System.CommandLine;
using Ingest.Cli.Jobs;
using Ingest.Storage;

namespace Ingest.Cli.Commands;

/// <summary><c>ingest status</c>: job counts of the shared queue and records in the store.</summary>
internal static class StatusCommand
{
    public static Command Create(CommandContext ctx)
    {
        var store = CommonOptions.Store();
        var command = new Command("status", "Show queued / processing / succeeded / failed job counts and the records stored") { store };
        command.SetAction(parse =>
        {
            var storeValue = parse.GetRequiredValue(store);
            using var records = RecordStores.Open(storeValue);
            var o = ctx.Stdout;
            if (RecordStores.IsPostgres(storeValue))
            {
                var stats = IngestJobStorage.Open(storeValue).GetMonitoringApi().GetStatistics();
                o.WriteLine($"queued      {stats.Enqueued}");
                o.WriteLine($"processing  {stats.Processing}");
                o.WriteLine($"scheduled   {stats.Scheduled}  (waiting for a retry)");
                o.WriteLine($"succeeded   {stats.Succeeded}");
                o.WriteLine($"failed      {stats.Failed}");
                o.WriteLine($"workers     {stats.Servers}");
            }

            o.WriteLine($"records     {records.Count()}  ({records.Location})");
            return ExitCodes.Ok;
        });
        return command;
    }
}
