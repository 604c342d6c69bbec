using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Events;
using Serilog.Extensions.Logging;
using Serilog.Formatting.Compact;

namespace Ingest.Cli;

/// <summary>Serilog is configured here and only here: a compact JSON log file and readable events on stderr.</summary>
internal static class Logging
{
    public static ILoggerFactory Create(string? logFile, bool verbose, bool quiet)
    {
        var config = new LoggerConfiguration()
            .MinimumLevel.Debug()
            .Enrich.FromLogContext()
            .WriteTo.Console(
                restrictedToMinimumLevel: quiet ? LogEventLevel.Error : verbose ? LogEventLevel.Information : LogEventLevel.Warning,
                standardErrorFromLevel: LogEventLevel.Verbose,
                outputTemplate: "{Timestamp:HH:mm:ss} {Level:u3} {Message:lj}{NewLine}{Exception}",
                formatProvider: System.Globalization.CultureInfo.InvariantCulture);
        if (!string.IsNullOrEmpty(logFile))
        {
            var dir = Path.GetDirectoryName(Path.GetFullPath(logFile));
            if (!string.IsNullOrEmpty(dir))
            {
                Directory.CreateDirectory(dir);
            }

            config = config.WriteTo.File(new CompactJsonFormatter(), logFile, restrictedToMinimumLevel: verbose ? LogEventLevel.Debug : LogEventLevel.Information);
        }

        Log.Logger = config.CreateLogger();
        return new SerilogLoggerFactory(Log.Logger, dispose: true);
    }
}
