using System.Text.Json.Serialization;

namespace Ingest.Core.Records;

/// <summary>
/// The canonical record: one per disclosure document (one or more PDF files).
/// Serialized with snake_case names; see docs/schema.md and docs/record.schema.json.
/// </summary>
public sealed class DocumentRecord
{
    /// <summary>SHA-256 (hex, lower case) of the first file's bytes; for a grouped document, of the concatenated file hashes.</summary>
    public string Id { get; set; } = "";

    /// <summary>Where the document came from: a path or URL (the first file's).</summary>
    public string Source { get; set; } = "";

    public List<SourceFile> Files { get; set; } = [];

    /// <summary><c>budget</c>, <c>final_account</c>, or null when it could not be told.</summary>
    public string? Kind { get; set; }

    /// <summary><c>department</c>, <c>unit</c>, or null.</summary>
    public string? Level { get; set; }

    public int? Year { get; set; }

    public string? Organization { get; set; }

    public List<TableRecord> Tables { get; set; } = [];

    public List<NarrativeFact> Narrative { get; set; } = [];

    public List<Finding> Findings { get; set; } = [];

    /// <summary>Every rule evaluated on this document with its outcome (pass, fail, not_applicable, insufficient_data).</summary>
    public List<CheckOutcome> Checks { get; set; } = [];

    public List<Diagnostic> Diagnostics { get; set; } = [];

    public PipelineInfo Pipeline { get; set; } = new();

    /// <summary>True when at least one file could not be read at all.</summary>
    [JsonIgnore]
    public bool HasReadFailure => Diagnostics.Exists(d => d.Severity == DiagnosticSeverity.Error);
}

public sealed class SourceFile
{
    public string Path { get; set; } = "";
    public string Sha256 { get; set; } = "";
    public long Bytes { get; set; }
    public int? Pages { get; set; }
    /// <summary>What the file holds when a document is split: <c>narrative</c>, <c>tables</c> or <c>full</c>.</summary>
    public string? Role { get; set; }
}

public sealed class TableRecord
{
    /// <summary>Canonical table id from the catalogue (e.g. <c>revenue_expenditure_summary</c>), or <c>unknown</c>.</summary>
    public string Type { get; set; } = TableTypes.Unknown;
    public string? Title { get; set; }
    /// <summary>Index into <see cref="DocumentRecord.Files"/>.</summary>
    public int File { get; set; }
    public List<int> Pages { get; set; } = [];
    /// <summary>Unit the amounts were printed in: 元, 万元 or 千元.</summary>
    public string Unit { get; set; } = "元";
    /// <summary>The unit line as printed, when there was one.</summary>
    public string? UnitText { get; set; }
    /// <summary>How the type was decided: <c>title</c>, <c>header</c>, <c>model</c>, <c>continuation</c>.</summary>
    public string? TypedBy { get; set; }
    public double? TypeConfidence { get; set; }
    public List<ColumnInfo> Columns { get; set; } = [];
    public List<RowRecord> Rows { get; set; } = [];
    /// <summary>Notes printed under the table (e.g. 本部门无政府性基金预算拨款安排的支出).</summary>
    public List<string> Notes { get; set; } = [];
}

public sealed class ColumnInfo
{
    /// <summary>Canonical column id, or <c>col{N}</c> for a column that has no canonical meaning.</summary>
    public string Id { get; set; } = "";
    /// <summary>The printed header path, outermost first (e.g. ["基本支出", "人员经费", "工资福利支出"]).</summary>
    public List<string> Header { get; set; } = [];
    /// <summary>0-based column index in the extracted grid.</summary>
    public int Index { get; set; }
    /// <summary>For two-sided tables (T1, T4): <c>income</c> or <c>expenditure</c>.</summary>
    public string? Side { get; set; }
}

public sealed class RowRecord
{
    /// <summary>0-based row index in the joined table grid (body and header rows counted).</summary>
    public int Index { get; set; }
    public int Page { get; set; }
    /// <summary>For two-sided tables: <c>income</c> or <c>expenditure</c>.</summary>
    public string? Side { get; set; }
    /// <summary>Canonical line id for rows without a code (e.g. <c>total</c>, <c>income.general_public_budget</c>).</summary>
    public string? Line { get; set; }
    public string? FuncCode { get; set; }
    public string? EconCode { get; set; }
    /// <summary>Government economic code when printed beside the department one.</summary>
    public string? GovEconCode { get; set; }
    /// <summary>Unit/organization code in tables listed by unit.</summary>
    public string? UnitCode { get; set; }
    public string Name { get; set; } = "";
    /// <summary>Amounts in 元 by canonical column id; null means the cell was printed blank (distinct from 0).</summary>
    public Dictionary<string, decimal?> Values { get; set; } = [];
    /// <summary>The printed text of each value cell, by the same column ids.</summary>
    public Dictionary<string, string> Printed { get; set; } = [];
}

public sealed class NarrativeFact
{
    /// <summary>What the amount means, e.g. <c>revenue_total</c>, <c>basic_expenditure</c>, <c>three_public.reception</c>.</summary>
    public string Key { get; set; } = "";
    /// <summary>Amount in 元 (null for percentage-only facts).</summary>
    public decimal? Amount { get; set; }
    /// <summary>Amount as printed, in the printed unit.</summary>
    public string? Printed { get; set; }
    public string? Unit { get; set; }
    /// <summary>Stated percentage (e.g. 38.27 for 占38.27%), when the fact is a share or a change rate.</summary>
    public decimal? Percent { get; set; }
    /// <summary>For a change: <c>increase</c>, <c>decrease</c> or <c>flat</c>, from the direction word.</summary>
    public string? Direction { get; set; }
    /// <summary>For a share: the key of the amount it is a share of (e.g. <c>expenditure_current</c>).</summary>
    public string? BaseKey { get; set; }
    /// <summary>For a share: the amount (元) it is a share of, as stated in the same passage.</summary>
    public decimal? BaseAmount { get; set; }
    /// <summary>For a change: the amount (元) the change is stated against (the current figure of the same passage).</summary>
    public decimal? CurrentAmount { get; set; }
    /// <summary>What kind of statement: <c>amount</c>, <c>share</c>, <c>change</c>, <c>completion</c> (决算 vs 预算 with a stated rate; <see cref="BaseAmount"/> is the 预算).</summary>
    public string Kind { get; set; } = "amount";
    public string Quote { get; set; } = "";
    public int File { get; set; }
    public int Page { get; set; }
}

public sealed class Finding
{
    public string Rule { get; set; } = "";
    public FindingSeverity Severity { get; set; }
    public string Message { get; set; } = "";
    public string? MessageZh { get; set; }
    public decimal? Expected { get; set; }
    public decimal? Printed { get; set; }
    public decimal? Difference { get; set; }
    public decimal? Tolerance { get; set; }
    public List<Location> Locations { get; set; } = [];
}

public sealed class Location
{
    public int File { get; set; }
    public int? Page { get; set; }
    /// <summary>Table type id.</summary>
    public string? Table { get; set; }
    public int? Row { get; set; }
    /// <summary>Row label: code and/or name.</summary>
    public string? RowLabel { get; set; }
    public string? Column { get; set; }
    public string? Quote { get; set; }
}

public sealed class CheckOutcome
{
    public string Rule { get; set; } = "";
    public CheckResult Outcome { get; set; }
    /// <summary>How many instances of the rule were evaluated (e.g. rows).</summary>
    public int Instances { get; set; }
    public int Failures { get; set; }
}

public sealed class Diagnostic
{
    /// <summary>Stable code, e.g. <c>not_pdf</c>, <c>encrypted</c>, <c>truncated</c>, <c>no_text_layer</c>.</summary>
    public string Code { get; set; } = "";
    public DiagnosticSeverity Severity { get; set; }
    public string Message { get; set; } = "";
    public string Stage { get; set; } = "";
    public int? File { get; set; }
    public int? Page { get; set; }
}

public sealed class PipelineInfo
{
    public string Version { get; set; } = "";
    public string? Model { get; set; }
    public string? ModelSha256 { get; set; }
    public DateTimeOffset? ProcessedAt { get; set; }
}

[JsonConverter(typeof(JsonStringEnumConverter<FindingSeverity>))]
public enum FindingSeverity
{
    [JsonStringEnumMemberName("info")] Info,
    [JsonStringEnumMemberName("warning")] Warning,
    [JsonStringEnumMemberName("error")] Error,
}

[JsonConverter(typeof(JsonStringEnumConverter<DiagnosticSeverity>))]
public enum DiagnosticSeverity
{
    [JsonStringEnumMemberName("info")] Info,
    [JsonStringEnumMemberName("warning")] Warning,
    /// <summary>The file (or document) could not be read.</summary>
    [JsonStringEnumMemberName("error")] Error,
}

[JsonConverter(typeof(JsonStringEnumConverter<CheckResult>))]
public enum CheckResult
{
    [JsonStringEnumMemberName("pass")] Pass,
    [JsonStringEnumMemberName("fail")] Fail,
    [JsonStringEnumMemberName("not_applicable")] NotApplicable,
    [JsonStringEnumMemberName("insufficient_data")] InsufficientData,
}
