using Microsoft.ML.Data;

namespace Ingest.Recognition.Learning;

/// <summary>What the classifier sees of a table: its title, its header paths and its first-column labels.</summary>
public sealed class TableTypeExample
{
    [LoadColumn(0)]
    public string Label { get; set; } = "";

    [LoadColumn(1)]
    public string Title { get; set; } = "";

    [LoadColumn(2)]
    public string Header { get; set; } = "";

    [LoadColumn(3)]
    public string FirstColumn { get; set; } = "";

    /// <summary>Which document the example came from (keeps a document's tables on one side of a split).</summary>
    [NoColumn]
    public string Document { get; set; } = "";
}

internal sealed class TableTypePrediction
{
    [ColumnName("PredictedLabel")]
    public string PredictedLabel { get; set; } = "";

    public float[] Score { get; set; } = [];
}
