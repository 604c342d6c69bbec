using System.Globalization;
using Ingest.Synthetic;
using Ingest.Synthetic.Model;
using Ingest.Synthetic.Pdf;

// Synthetic corpus generator: PDFs with exact ground truth (see docs/corpus.md).
int seed = 20261126;
int? count = null;
string output = "corpus";
string fontPath = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf";
string? codesDir = null;
bool large = false;
int? errors = null;
string? fromSeed = null;
for (int i = 0; i < args.Length; i++)
{
    string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException("missing value after " + args[i]);
    switch (args[i])
    {
        case "--seed": seed = int.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--count": count = int.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--out": output = Next(); break;
        case "--font": fontPath = Next(); break;
        case "--codes": codesDir = Next(); break;
        case "--errors": errors = int.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--large": large = true; break;
        case "--from-seed": fromSeed = Next(); break;
        case "-h" or "--help":
            Console.WriteLine("usage: Ingest.Synthetic [--seed N] [--count N] [--out DIR] [--font TTF] [--codes DIR] [--errors N] [--large]\n       Ingest.Synthetic --from-seed SEED.txt [--out DIR] [--font TTF]");
            return 0;
        default:
            Console.Error.WriteLine("unknown option: " + args[i]);
            return 2;
    }
}

if (large)
{
    count ??= 500;
    errors ??= 50;
    if (output == "corpus")
    {
        output = "corpus-large";
    }
}

TrueTypeFont font;
try
{
    font = TrueTypeFont.Load(fontPath);
}
catch (FileNotFoundException e)
{
    Console.Error.WriteLine(e.Message);
    return 3;
}

var codes = codesDir is null ? CodeBook.Embedded() : CodeBook.FromDirectory(codesDir);
var corpus = new Corpus(font, codes);
if (fromSeed is not null)
{
    if (output == "corpus")
    {
        output = Path.Combine("corpus", "seed");
    }

    Ingest.Synthetic.Seed.SeedDocument.Write(corpus, fromSeed, output);
    Console.WriteLine($"wrote {Ingest.Synthetic.Seed.SeedDocument.Name}.pdf and its truth to {output}");
    return 0;
}

corpus.Write(output, seed, count ?? 24, errors ?? 12);
Console.WriteLine($"wrote {count ?? 24} documents and {errors ?? 12} error variants to {output}");
return 0;
