using System.Globalization;
using System.Text;
using Ingest.Core.Records;
using Ingest.Synthetic.Errors;
using Ingest.Synthetic.Model;
using Ingest.Synthetic.Pdf;
using Ingest.Synthetic.Render;
using Ingest.Synthetic.Truth;

namespace Ingest.Synthetic;

/// <summary>One generated document: its spec, what was printed, the files and the truth record.</summary>
internal sealed class GeneratedDocument
{
    public DocumentSpec Spec { get; set; } = new();
    public List<Paragraph> Paragraphs { get; set; } = [];
    public List<PrintedTable> Tables { get; set; } = [];
    public List<RenderedFile> Files { get; set; } = [];
    public DocumentRecord Truth { get; set; } = new();
}

/// <summary>Generates documents deterministically from (seed, index) and writes a corpus folder.</summary>
internal sealed class Corpus(TrueTypeFont font, CodeBook codes)
{
    private readonly TrueTypeFont _font = font;
    private readonly CodeBook _codes = codes;

    /// <summary>Each document has its own Random seeded from the corpus seed and its index, so any one can be regenerated alone.</summary>
    public GeneratedDocument Generate(int seed, int index)
    {
        var r = new Random(unchecked((seed * 31) + (index * 7919) + 17));
        var spec = new Generator(_codes).Generate(r, index);
        spec.Name = string.Create(CultureInfo.InvariantCulture,
            $"syn_{index:D3}_{spec.Year}_{(spec.IsFinal ? "final" : "budget")}_{(spec.Level == "unit" ? "unit" : "dept")}");
        var tables = new TableBuilder(_codes, spec).Build();
        var paragraphs = new NarrativeWriter(spec, tables).Write();
        return Render(spec, paragraphs, tables);
    }

    public GeneratedDocument Render(DocumentSpec spec, List<Paragraph> paragraphs, List<PrintedTable> tables, string? name = null)
    {
        string saved = spec.Name;
        if (name is not null)
        {
            spec.Name = name;
        }

        var files = new Layout(_font).Render(spec, paragraphs, tables);
        spec.Name = saved;
        return new GeneratedDocument
        {
            Spec = spec,
            Paragraphs = paragraphs,
            Tables = tables,
            Files = files,
            Truth = TruthBuilder.Build(spec, paragraphs, tables, files),
        };
    }

    public void Write(string outDir, int seed, int count, int errorVariants)
    {
        Directory.CreateDirectory(outDir);
        var manifest = new StringBuilder("file,group,organization,year,kind,level,role,style\n");
        var bases = new List<GeneratedDocument>();
        for (int i = 0; i < count; i++)
        {
            var doc = Generate(seed, i);
            WriteDocument(outDir, doc, doc.Spec.Name, manifest, "");
            bases.Add(doc);
        }

        if (errorVariants > 0)
        {
            string errDir = Path.Combine(outDir, "errors");
            Directory.CreateDirectory(errDir);
            var injector = new ErrorInjector(this);
            var eligible = bases.Where(b => b.Files.Count == 1 && !b.Spec.IsFinal).ToList();
            for (int k = 0; k < errorVariants && eligible.Count > 0; k++)
            {
                InjectedVariant? variant = null;
                GeneratedDocument baseDoc = eligible[0];
                for (int tries = 0; tries < eligible.Count && variant is null; tries++)
                {
                    baseDoc = eligible[(k + tries) % eligible.Count];
                    variant = injector.Inject(baseDoc, k);
                }

                if (variant is null)
                {
                    continue;
                }

                string name = baseDoc.Spec.Name + ".err" + k.ToString(CultureInfo.InvariantCulture);
                WriteDocument(errDir, variant.Document, name, manifest, "errors/");
                File.WriteAllText(Path.Combine(errDir, name + ".expect.json"), variant.ExpectJson());
            }
        }

        File.WriteAllText(Path.Combine(outDir, "manifest.csv"), manifest.ToString());
    }

    private static void WriteDocument(string dir, GeneratedDocument doc, string name, StringBuilder manifest, string prefix)
    {
        foreach (var f in doc.Files)
        {
            File.WriteAllBytes(Path.Combine(dir, f.Name), f.Bytes);
            var s = doc.Spec;
            manifest.Append(Csv(prefix + f.Name)).Append(',').Append(Csv(prefix + name)).Append(',').Append(Csv(s.Organization)).Append(',')
                .Append(s.Year.ToString(CultureInfo.InvariantCulture)).Append(',').Append(s.Kind).Append(',').Append(s.Level).Append(',')
                .Append(f.Role).Append(',').Append(Csv(string.Join(";", s.Style.Flags()))).Append('\n');
        }

        File.WriteAllText(Path.Combine(dir, name + ".truth.json"), RecordJson.Serialize(doc.Truth, indented: true) + "\n");
    }

    private static string Csv(string v) => v.Contains(',', StringComparison.Ordinal) || v.Contains('"', StringComparison.Ordinal)
        ? "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
        : v;
}
