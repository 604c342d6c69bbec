using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace Ingest.Core.Records;

/// <summary>The one JSON form of records: snake_case, Chinese kept readable, nulls omitted.</summary>
public static class RecordJson
{
    public static JsonSerializerOptions Options { get; } = Create(indented: false);

    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    private static JsonSerializerOptions Create(bool indented) => new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        WriteIndented = indented,
        NumberHandling = JsonNumberHandling.Strict,
    };

    public static string Serialize(DocumentRecord record, bool indented = false) =>
        JsonSerializer.Serialize(record, indented ? Indented : Options);

    public static DocumentRecord Deserialize(string json) =>
        JsonSerializer.Deserialize<DocumentRecord>(json, Options)
        ?? throw new JsonException("record JSON was null");
}
