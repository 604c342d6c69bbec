using Ingest.Core;
using Ingest.Core.Layout;
using Ingest.Core.Pipeline;
using Ingest.Core.Records;
using Ingest.Core.Text;
using Microsoft.Extensions.Logging;

namespace Ingest.Recognition;

/// <summary>Options of the recognition stage.</summary>
public sealed class RecognitionOptions
{
    /// <summary>Unit assumed for a table whose unit line could not be found and whose document says nothing else. Default 元.</summary>
    public string DefaultUnit { get; set; } = MoneyUnit.Yuan;

    /// <summary>
    /// The table-type classifier (made by <c>make train</c>), used where the title rules are silent.
    /// Default: models/table-type.zip beside the program; no model means rules only.
    /// </summary>
    public string? ModelPath { get; set; } = Path.Combine(AppContext.BaseDirectory, "models", Learning.TableTypeTrainer.ModelFile);

    /// <summary>Least probability for a model prediction to be used. Default 0.6.</summary>
    public float ModelThreshold { get; set; } = 0.6f;

    public void Validate()
    {
        if (DefaultUnit is not (MoneyUnit.Yuan or MoneyUnit.WanYuan or MoneyUnit.QianYuan))
        {
            throw new ArgumentException($"DefaultUnit must be 元, 万元 or 千元, not '{DefaultUnit}'.");
        }

        if (ModelThreshold is < 0f or > 1f)
        {
            throw new ArgumentException("ModelThreshold must be between 0 and 1.");
        }
    }
}

/// <summary>Stage 3: metadata, table typing, header mapping, codes, units and narrative facts.</summary>
public sealed class Recognizer : IRecognizer, IDisposable
{
    private readonly RecognitionOptions _options;
    private readonly ILogger<Recognizer> _logger;
    private readonly CodeCatalog _codes;

    public Recognizer(RecognitionOptions options, ILogger<Recognizer> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _logger = logger;
        _codes = CodeCatalog.Default;
        if (options.ModelPath is { } path && File.Exists(path))
        {
            _model = Learning.TableTypeModel.Load(path);
            _logger.LogInformation("Table-type model {Model} loaded ({Sha})", path, _model.Sha256[..12]);
        }
    }

    private readonly Learning.TableTypeModel? _model;

    /// <summary>Name and SHA-256 of the model in use, for the record's pipeline info.</summary>
    public (string Name, string Sha256)? Model => _model is null ? null : (Learning.TableTypeTrainer.ModelFile, _model.Sha256);

    public void Dispose() => _model?.Dispose();

    public void Recognize(DocumentRecord record, IReadOnlyList<ExtractedFile> files)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(files);
        var meta = MetadataReader.Read(files);
        record.Kind ??= meta.Kind;
        record.Level ??= meta.Level;
        record.Year ??= meta.Year;
        record.Organization ??= meta.Organization;
        var final = record.Kind == "final_account";

        var documentUnits = files.SelectMany(f => f.Tables).Select(t => MoneyUnit.FromLine(UnitLine(t))).OfType<string>().ToList();
        var fallbackUnit = documentUnits.Count > 0
            ? documentUnits.GroupBy(u => u).OrderByDescending(g => g.Count()).First().Key
            : _options.DefaultUnit;

        for (var fileIndex = 0; fileIndex < files.Count; fileIndex++)
        {
            var file = files[fileIndex];
            foreach (var table in file.Tables)
            {
                var typing = Type(table, final, _model, _options.ModelThreshold);
                var unitLine = UnitLine(table);
                var unit = MoneyUnit.FromLine(unitLine);
                if (unit is null)
                {
                    unit = fallbackUnit;
                    if (typing.Type != TableTypes.Unknown && !typing.Type.StartsWith("performance", StringComparison.Ordinal))
                    {
                        record.Diagnostics.Add(new Diagnostic
                        {
                            Code = "unit_missing",
                            Severity = DiagnosticSeverity.Warning,
                            Stage = "recognize",
                            File = fileIndex,
                            Page = table.Pages.FirstOrDefault(),
                            Message = $"no unit line found for {typing.Type}; assumed {unit} (the document's usual unit)",
                        });
                    }
                }

                var normalized = TableNormalizer.Normalize(table, typing.Type, unit, unitLine, fileIndex, _codes);
                normalized.TypedBy = typing.By;
                normalized.TypeConfidence = typing.Confidence;
                record.Tables.Add(normalized);
                _logger.LogDebug("Typed table on pages {Pages} as {Type} by {By}", string.Join(",", normalized.Pages), typing.Type, typing.By);
            }
        }

        record.Narrative.AddRange(NarrativeReader.Read(Passages(files)));
    }

    private static string? UnitLine(LogicalTable table)
    {
        if (table.UnitText is { } u)
        {
            return u;
        }

        foreach (var fragment in table.Fragments)
        {
            foreach (var caption in fragment.Captions)
            {
                if (MoneyUnit.FromLine(caption) is not null)
                {
                    return caption;
                }
            }

            if (fragment.Title is { } title && MoneyUnit.FromLine(title) is not null)
            {
                return title;
            }
        }

        // A unit printed inside the header (e.g. a cell "单位：万元" or "金额（万元）").
        var grid = TableGrid.Of(table);
        for (var r = 0; r < Math.Min(3, grid.RowCount); r++)
        {
            foreach (var text in grid.RowTexts(r))
            {
                if (MoneyUnit.FromLine(text) is not null)
                {
                    return text;
                }
            }
        }

        return null;
    }

    private static TableTyping Type(LogicalTable table, bool final, Learning.TableTypeModel? model, float threshold)
    {
        var byTitle = TableTyper.FromTitle(table.Title, final);
        if (byTitle is { } t)
        {
            return t;
        }

        foreach (var caption in table.Fragments.Count > 0 ? table.Fragments[0].Captions : [])
        {
            if (TableTyper.FromTitle(caption, final) is { } c)
            {
                return c with { Confidence = 0.9 };
            }
        }

        var grid = TableGrid.Of(table);
        var headerRows = TableNormalizer.CountHeaderRows(grid, table.HeaderRows);
        var paths = TableNormalizer.HeaderPaths(grid, Math.Max(headerRows, Math.Min(2, grid.RowCount)));
        var firstColumn = Enumerable.Range(0, grid.RowCount).Select(r => ChineseText.Compact(grid.Text(r, 0))).ToList();
        if (model is not null)
        {
            var labelColumn = Enumerable.Range(0, grid.ColCount).FirstOrDefault(c => Enumerable.Range(headerRows, Math.Max(0, grid.RowCount - headerRows))
                .Count(r => ChineseText.Compact(grid.Text(r, c)) is { Length: > 1 } t && !AmountParser.LooksLikeAmount(t) && !t.All(char.IsAsciiDigit)) > 2);
            var names = Enumerable.Range(headerRows, Math.Max(0, grid.RowCount - headerRows)).Select(r => grid.Text(r, labelColumn)).Where(t => t.Length > 0).Take(12);
            var (type, probability) = model.Predict(table.Title, string.Join(" | ", paths.Where(p => p.Count > 0).Select(p => string.Join("/", p))), string.Join(" ", names));
            if (probability >= threshold && (!final || type.StartsWith("final_", StringComparison.Ordinal) || type == TableTypes.Unknown))
            {
                return new TableTyping(type, "model", Math.Round(probability, 3));
            }
        }

        return TableTyper.FromHeader(paths, firstColumn, final) ?? new TableTyping(TableTypes.Unknown, "none", 0);
    }

    private static IEnumerable<NarrativePassage> Passages(IReadOnlyList<ExtractedFile> files)
    {
        for (var f = 0; f < files.Count; f++)
        {
            foreach (var page in files[f].Pages)
            {
                var lines = page.Tables.Count > 0 ? page.TextOutsideTables : page.Lines;
                if (lines.Count == 0)
                {
                    continue;
                }

                // Lines wrap mid-sentence: join them without separators, keep paragraph ends.
                var text = string.Concat(lines.Select(l => ChineseText.Clean(l.Text)));
                yield return new NarrativePassage(f, page.Number, text);
            }
        }
    }
}
