using System.Globalization;
using System.Security.Cryptography;
using Ingest.Core.Records;
using Ingest.Synthetic.Model;
using Ingest.Synthetic.Render;

namespace Ingest.Synthetic.Truth;

/// <summary>Builds the ground-truth <see cref="DocumentRecord"/> from what was printed and where it landed.</summary>
internal static class TruthBuilder
{
    public static DocumentRecord Build(DocumentSpec doc, IReadOnlyList<Paragraph> paragraphs, IReadOnlyList<PrintedTable> tables, IReadOnlyList<RenderedFile> files)
    {
        var record = new DocumentRecord
        {
            Id = "",
            Source = files[0].Name,
            Kind = doc.Kind,
            Level = doc.Level,
            Year = doc.Year,
            Organization = doc.Organization,
            Pipeline = new PipelineInfo { Version = "synthetic-truth" },
        };
        foreach (var f in files)
        {
            record.Files.Add(new SourceFile
            {
                Path = f.Name,
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(f.Bytes)),
                Bytes = f.Bytes.Length,
                Pages = f.Pages,
                Role = f.Role,
            });
        }

        foreach (var t in tables)
        {
            var tr = new TableRecord
            {
                Type = t.Type,
                Title = t.Title,
                File = t.File,
                Pages = [.. t.Pages],
                Unit = t.Unit,
                UnitText = t.NoUnitLine ? null : t.UnitText,
                TypedBy = "title",
                Notes = [.. t.Notes],
            };
            foreach (var c in t.Columns)
            {
                tr.Columns.Add(new ColumnInfo { Id = c.Id, Header = [.. c.Header], Index = c.Index, Side = c.Side });
            }

            for (int i = 0; i < t.Rows.Count; i++)
            {
                var row = t.Rows[i];
                foreach (var e in row.Entries)
                {
                    var rr = new RowRecord
                    {
                        Index = t.HeaderRows + i,
                        Page = row.Page,
                        Side = e.Side,
                        Line = e.Line,
                        FuncCode = e.FuncCode,
                        EconCode = e.EconCode,
                        GovEconCode = e.GovEconCode,
                        UnitCode = e.UnitCode,
                        Name = e.Name,
                    };
                    foreach (var (k, v) in e.Values)
                    {
                        rr.Values[k] = v is null ? null : Norm(v.Value);
                    }

                    foreach (var (k, v) in e.Printed)
                    {
                        rr.Printed[k] = v;
                    }

                    tr.Rows.Add(rr);
                }
            }

            record.Tables.Add(tr);
        }

        int narrativeFile = 0;
        foreach (var p in paragraphs)
        {
            for (int i = 0; i < p.Facts.Count; i++)
            {
                var f = p.Facts[i];
                record.Narrative.Add(new NarrativeFact
                {
                    Key = f.Key,
                    Kind = f.Kind,
                    Amount = f.Amount is null ? null : Norm(f.Amount.Value),
                    Printed = f.Printed,
                    Unit = f.Unit,
                    Percent = f.Percent,
                    Direction = f.Direction,
                    Quote = f.Quote,
                    File = narrativeFile,
                    Page = p.FactPages.Count > i ? p.FactPages[i] : p.Page,
                });
            }
        }

        return record;
    }

    /// <summary>Removes trailing zeros so equal amounts serialize identically (1234500 rather than 1234500.00).</summary>
    public static decimal Norm(decimal v) => decimal.Parse(v.ToString("0.############", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
