namespace Ingest.Core.Validation;

/// <summary>Options of the validation stage.</summary>
public sealed class ValidationOptions
{
    /// <summary>
    /// Extra slack, in units of the last printed digit, added to the rounding envelope
    /// (n × ½ unit of the last printed digit). Default 0: the envelope alone.
    /// </summary>
    public decimal ExtraUnits { get; set; }

    /// <summary>Emit an info finding for differences inside the rounding envelope. Default true.</summary>
    public bool ReportRounding { get; set; } = true;

    /// <summary>Warn when a core budget table (T1–T8) is missing from a budget document. Default true.</summary>
    public bool WarnMissingTables { get; set; } = true;

    public void Validate()
    {
        if (ExtraUnits < 0)
        {
            throw new ArgumentException("ExtraUnits must not be negative.");
        }
    }
}
