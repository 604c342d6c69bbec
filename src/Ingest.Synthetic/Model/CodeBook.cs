using System.Reflection;

namespace Ingest.Synthetic.Model;

/// <summary>Classification codes and names, read from the TSV lists (embedded copies, or a --codes folder).</summary>
internal sealed class CodeBook
{
    private const string LeiFile = "func_expenditure_lei.tsv";
    private const string FuncFile = "func_expenditure_observed.tsv";
    private const string EconFile = "econ_dept.tsv";
    private const string GovFile = "econ_gov.tsv";
    private const string MapFile = "econ_dept_to_gov_map.tsv";

    private CodeBook(Func<string, string> read)
    {
        foreach (var row in Rows(read(LeiFile)))
        {
            // The first entry of a code is the current name; a later one the pre-2019 name.
            if (!LeiNames.TryAdd(row[0], row[1]))
            {
                OldLeiNames.TryAdd(row[0], row[1]);
            }
        }

        foreach (var row in Rows(read(FuncFile)))
        {
            if (!FuncNames.TryAdd(row[0], row[1]) && row[0] == "20805")
            {
                OldFuncNames.TryAdd(row[0], row[1]);
            }

            if (row[2] == "项" && !Xiang.Contains(row[0]))
            {
                Xiang.Add(row[0]);
            }
        }

        foreach (var row in Rows(read(EconFile)))
        {
            EconNames.TryAdd(row[0], row[1]);
        }

        foreach (var row in Rows(read(GovFile)))
        {
            GovNames.TryAdd(row[0], row[1]);
        }

        foreach (var row in Rows(read(MapFile)))
        {
            DeptToGov.TryAdd(row[0], row[1]);
        }
    }

    public Dictionary<string, string> LeiNames { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> OldLeiNames { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> FuncNames { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> OldFuncNames { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> EconNames { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> GovNames { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> DeptToGov { get; } = new(StringComparer.Ordinal);

    /// <summary>All 项 codes, in file order.</summary>
    public List<string> Xiang { get; } = [];

    public static CodeBook Embedded()
    {
        var asm = Assembly.GetExecutingAssembly();
        return new CodeBook(file =>
        {
            using var s = asm.GetManifestResourceStream("Ingest.Synthetic.Data." + file)
                ?? throw new InvalidOperationException("embedded code list missing: " + file);
            using var r = new StreamReader(s);
            return r.ReadToEnd();
        });
    }

    public static CodeBook FromDirectory(string dir)
    {
        if (!Directory.Exists(dir))
        {
            throw new DirectoryNotFoundException("code list folder not found: " + dir);
        }

        var embedded = Embedded();
        return new CodeBook(file =>
        {
            string path = Path.Combine(dir, file);
            string text = File.Exists(path) ? File.ReadAllText(path) : "";
            // Keep the embedded supplement (fund codes) so every generator choice stays available.
            return file == FuncFile ? text + "\n" + EmbeddedText(file) : (text.Length > 0 ? text : EmbeddedText(file));
        });

        static string EmbeddedText(string file)
        {
            using var s = Assembly.GetExecutingAssembly().GetManifestResourceStream("Ingest.Synthetic.Data." + file)!;
            using var r = new StreamReader(s);
            return r.ReadToEnd();
        }
    }

    public string LeiName(string lei, int year) =>
        year <= 2018 && OldLeiNames.TryGetValue(lei, out var old) ? old : LeiNames.GetValueOrDefault(lei, lei);

    public string FuncName(string code, int year)
    {
        if (code.Length == 3)
        {
            return LeiName(code, year);
        }

        if (year <= 2018 && OldFuncNames.TryGetValue(code, out var old))
        {
            return old;
        }

        return FuncNames.TryGetValue(code, out var name) ? name : code;
    }

    public string GovCode(string econ) => DeptToGov.GetValueOrDefault(econ, econ.StartsWith("310", StringComparison.Ordinal) ? "50399" : "50299");

    private static IEnumerable<string[]> Rows(string tsv)
    {
        foreach (var line in tsv.Split('\n'))
        {
            var cells = line.TrimEnd('\r').Split('\t');
            if (cells.Length < 2 || cells[0] is "code" or "dept_code" || cells[0].Length == 0)
            {
                continue;
            }

            yield return cells;
        }
    }
}
