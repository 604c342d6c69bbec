using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Ingest.Core.Layout;

namespace Ingest.Pdf.Output;

/// <summary>
/// JSON for <c>ingest tables</c>: a list of
/// <c>{"page": n, "pages": [...], "title", "unit", "method", "header_rows", "rows", "cols", "captions", "notes", "cells": [{"row","col","row_span","col_span","text"}]}</c>,
/// rows and columns 0-based, one entry per cell with its spans on the top-left cell.
/// </summary>
public static class TableJson
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(Stream stream, IEnumerable<LogicalTable> tables)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(tables);
        using var w = new Utf8JsonWriter(stream, WriterOptions);
        w.WriteStartArray();
        foreach (var t in tables)
        {
            var first = t.Fragments.Count > 0 ? t.Fragments[0] : null;
            WriteTable(w, first?.Page ?? 0, t.Pages, t.Title, t.UnitText, first?.Method, t.HeaderRows, t.RowCount, t.ColCount,
                first?.Captions ?? [], t.Fragments.Count > 0 ? t.Fragments[^1].Notes : [], t.Cells, t.RowPages);
        }

        w.WriteEndArray();
    }

    public static void Write(Stream stream, IEnumerable<TableFragment> fragments)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(fragments);
        using var w = new Utf8JsonWriter(stream, WriterOptions);
        w.WriteStartArray();
        foreach (var f in fragments)
        {
            WriteTable(w, f.Page, [f.Page], f.Title, f.UnitText, f.Method, f.HeaderRows, f.RowCount, f.ColCount, f.Captions, f.Notes, f.Cells, null);
        }

        w.WriteEndArray();
    }

    public static string ToJson(IEnumerable<LogicalTable> tables)
    {
        using var ms = new MemoryStream();
        Write(ms, tables);
        return Encoding.UTF8.GetString(ms.ToArray());
    }

    private static void WriteTable(Utf8JsonWriter w, int page, IReadOnlyList<int> pages, string? title, string? unit, string? method, int headerRows,
        int rows, int cols, IReadOnlyList<string> captions, IReadOnlyList<string> notes, IReadOnlyList<TableCell> cells, IReadOnlyList<int>? rowPages)
    {
        w.WriteStartObject();
        w.WriteNumber("page", page);
        w.WriteStartArray("pages");
        foreach (var p in pages)
        {
            w.WriteNumberValue(p);
        }

        w.WriteEndArray();
        w.WriteString("title", title);
        w.WriteString("unit", unit);
        w.WriteString("method", method);
        w.WriteNumber("header_rows", headerRows);
        w.WriteNumber("rows", rows);
        w.WriteNumber("cols", cols);
        w.WriteStartArray("captions");
        foreach (var c in captions)
        {
            w.WriteStringValue(c);
        }

        w.WriteEndArray();
        w.WriteStartArray("notes");
        foreach (var n in notes)
        {
            w.WriteStringValue(n);
        }

        w.WriteEndArray();
        if (rowPages is not null)
        {
            w.WriteStartArray("row_pages");
            foreach (var p in rowPages)
            {
                w.WriteNumberValue(p);
            }

            w.WriteEndArray();
        }

        w.WriteStartArray("cells");
        foreach (var c in cells.OrderBy(c => c.Row).ThenBy(c => c.Col))
        {
            w.WriteStartObject();
            w.WriteNumber("row", c.Row);
            w.WriteNumber("col", c.Col);
            w.WriteNumber("row_span", c.RowSpan);
            w.WriteNumber("col_span", c.ColSpan);
            w.WriteString("text", c.Text);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }
}

/// <summary>CSV (RFC 4180) of one table: one line per grid row; a spanning cell's text is written in its top-left slot, covered slots are empty.</summary>
public static class TableCsv
{
    public static void Write(TextWriter writer, int rowCount, int colCount, IEnumerable<TableCell> cells)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(cells);
        var grid = new string[rowCount, colCount];
        foreach (var c in cells)
        {
            if (c.Row < rowCount && c.Col < colCount)
            {
                grid[c.Row, c.Col] = c.Text;
            }
        }

        for (var r = 0; r < rowCount; r++)
        {
            for (var c = 0; c < colCount; c++)
            {
                if (c > 0)
                {
                    writer.Write(',');
                }

                writer.Write(Quote(grid[r, c] ?? ""));
            }

            writer.Write("\r\n");
        }
    }

    public static void Write(TextWriter writer, LogicalTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        Write(writer, table.RowCount, table.ColCount, table.Cells);
    }

    public static void Write(TextWriter writer, TableFragment table)
    {
        ArgumentNullException.ThrowIfNull(table);
        Write(writer, table.RowCount, table.ColCount, table.Cells);
    }

    private static string Quote(string s) =>
        s.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
}
