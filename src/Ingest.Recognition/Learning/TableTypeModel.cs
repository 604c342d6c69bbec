using System.Security.Cryptography;
using Ingest.Core.Text;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Ingest.Recognition.Learning;

/// <summary>
/// A character n-gram text classifier (Chinese has no spaces) over title, header and first-column text,
/// trained with ML.NET. Used where the title rules are silent: untitled tables, continuation pages,
/// titles in words the rules do not know.
/// </summary>
public sealed class TableTypeModel : IDisposable
{
    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly string[] _labels;
    private readonly ThreadLocal<PredictionEngine<TableTypeExample, TableTypePrediction>> _engine;

    private TableTypeModel(MLContext ml, ITransformer model, DataViewSchema schema, string sha256)
    {
        _ml = ml;
        _model = model;
        Sha256 = sha256;
        var labelBuffer = default(VBuffer<ReadOnlyMemory<char>>);
        var outputSchema = model.GetOutputSchema(schema);
        outputSchema["Score"].GetSlotNames(ref labelBuffer);
        _labels = labelBuffer.DenseValues().Select(v => v.ToString()).ToArray();
        _engine = new ThreadLocal<PredictionEngine<TableTypeExample, TableTypePrediction>>(
            () => _ml.Model.CreatePredictionEngine<TableTypeExample, TableTypePrediction>(_model), trackAllValues: true);
    }

    /// <summary>SHA-256 of the model file.</summary>
    public string Sha256 { get; }

    public static TableTypeModel Load(string path)
    {
        var ml = new MLContext(seed: 1);
        using var stream = File.OpenRead(path);
        var model = ml.Model.Load(stream, out var schema);
        stream.Position = 0;
        var sha = Convert.ToHexStringLower(SHA256.HashData(stream));
        return new TableTypeModel(ml, model, schema, sha);
    }

    /// <summary>The most likely type and its probability.</summary>
    public (string Type, float Probability) Predict(string? title, string header, string firstColumn)
    {
        var prediction = _engine.Value!.Predict(new TableTypeExample
        {
            Title = Normalize(title),
            Header = Normalize(header),
            FirstColumn = Normalize(firstColumn),
        });
        var best = 0;
        for (var i = 1; i < prediction.Score.Length; i++)
        {
            if (prediction.Score[i] > prediction.Score[best])
            {
                best = i;
            }
        }

        return (prediction.Score.Length > 0 ? _labels[best] : prediction.PredictedLabel, prediction.Score.Length > 0 ? prediction.Score[best] : 0f);
    }

    /// <summary>
    /// The text form the model is trained and run on: folded, compact, digits masked, then written as
    /// space-separated character unigrams and bigrams (Chinese has no word boundaries to tokenize on).
    /// </summary>
    public static string Normalize(string? text)
    {
        var compact = ChineseText.Compact(text);
        var chars = compact.Where(ch => !char.IsPunctuation(ch) && !char.IsSymbol(ch) && ch != '"')
            .Select(ch => char.IsAsciiDigit(ch) ? '0' : ch).ToArray();
        var sb = new System.Text.StringBuilder(chars.Length * 4);
        for (var i = 0; i < chars.Length; i++)
        {
            sb.Append(chars[i]).Append(' ');
            if (i + 1 < chars.Length)
            {
                sb.Append(chars[i]).Append(chars[i + 1]).Append(' ');
            }
        }

        return sb.ToString().TrimEnd();
    }

    internal static IEstimator<ITransformer> Pipeline(MLContext ml)
    {
        var options = new Microsoft.ML.Transforms.Text.TextFeaturizingEstimator.Options
        {
            WordFeatureExtractor = new Microsoft.ML.Transforms.Text.WordBagEstimator.Options { NgramLength = 1, UseAllLengths = true },
            CharFeatureExtractor = null,
            CaseMode = Microsoft.ML.Transforms.Text.TextNormalizingEstimator.CaseMode.None,
            KeepPunctuations = true,
            KeepNumbers = true,
            KeepDiacritics = true,
        };
        return ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.Transforms.Text.FeaturizeText("TitleFeatures", options, nameof(TableTypeExample.Title)))
            .Append(ml.Transforms.Text.FeaturizeText("HeaderFeatures", options, nameof(TableTypeExample.Header)))
            .Append(ml.Transforms.Text.FeaturizeText("FirstColumnFeatures", options, nameof(TableTypeExample.FirstColumn)))
            .Append(ml.Transforms.Concatenate("Features", "TitleFeatures", "HeaderFeatures", "FirstColumnFeatures"))
            .Append(ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(l1Regularization: 0f, l2Regularization: 0.1f))
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
    }

    public void Dispose()
    {
        foreach (var engine in _engine.Values)
        {
            engine.Dispose();
        }

        _engine.Dispose();
    }
}
