namespace Ingest.Cli;

/// <summary>Documented exit codes (README, "Exit codes").</summary>
internal static class ExitCodes
{
    /// <summary>Every input was read. Inconsistencies found are findings in the records, not failures.</summary>
    public const int Ok = 0;

    /// <summary>Some inputs could not be read; their records carry diagnostics saying why. The rest was processed.</summary>
    public const int SomeUnreadable = 1;

    /// <summary>Usage error: unknown option, missing argument, bad value.</summary>
    public const int Usage = 2;

    /// <summary>The store (or the job queue in it) could not be reached: PostgreSQL down, wrong credentials.</summary>
    public const int StoreUnavailable = 3;

    /// <summary>Interrupted (Ctrl-C); what was stored stays stored, a rerun continues.</summary>
    public const int Interrupted = 130;
}
