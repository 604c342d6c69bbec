using System.Buffers.Binary;

namespace Ingest.Synthetic.Pdf;

/// <summary>
/// A minimal TrueType (glyf outlines) reader: character map, advance widths, and a subsetter that
/// renumbers the used glyphs densely (new glyph id = CID in the PDF, CIDToGIDMap /Identity).
/// </summary>
internal sealed class TrueTypeFont
{
    private readonly byte[] _data;
    private readonly Dictionary<string, (int Offset, int Length)> _tables = new(StringComparer.Ordinal);
    private readonly Dictionary<int, int> _cmap = [];
    private readonly int[] _advance;
    private readonly int[] _loca;

    public TrueTypeFont(byte[] data)
    {
        _data = data;
        int numTables = U16(4);
        for (int i = 0; i < numTables; i++)
        {
            int rec = 12 + (16 * i);
            string tag = System.Text.Encoding.ASCII.GetString(data, rec, 4);
            _tables[tag] = ((int)U32(rec + 8), (int)U32(rec + 12));
        }

        foreach (var required in new[] { "head", "hhea", "maxp", "hmtx", "loca", "glyf", "cmap" })
        {
            if (!_tables.ContainsKey(required))
            {
                throw new InvalidDataException($"font has no '{required}' table (TrueType outlines required)");
            }
        }

        int head = _tables["head"].Offset;
        UnitsPerEm = U16(head + 18);
        XMin = S16(head + 36);
        YMin = S16(head + 38);
        XMax = S16(head + 40);
        YMax = S16(head + 42);
        int locFormat = S16(head + 50);
        int hhea = _tables["hhea"].Offset;
        Ascent = S16(hhea + 4);
        Descent = S16(hhea + 6);
        int numHMetrics = U16(hhea + 34);
        NumGlyphs = U16(_tables["maxp"].Offset + 4);

        _advance = new int[NumGlyphs];
        int hmtx = _tables["hmtx"].Offset;
        int last = 0;
        for (int g = 0; g < NumGlyphs; g++)
        {
            if (g < numHMetrics)
            {
                last = U16(hmtx + (4 * g));
            }

            _advance[g] = last;
        }

        _loca = new int[NumGlyphs + 1];
        int loca = _tables["loca"].Offset;
        for (int g = 0; g <= NumGlyphs; g++)
        {
            _loca[g] = locFormat == 0 ? U16(loca + (2 * g)) * 2 : (int)U32(loca + (4 * g));
        }

        ReadCmap();
    }

    public int UnitsPerEm { get; }
    public int NumGlyphs { get; }
    public int Ascent { get; }
    public int Descent { get; }
    public int XMin { get; }
    public int YMin { get; }
    public int XMax { get; }
    public int YMax { get; }

    public static TrueTypeFont Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"CJK TrueType font not found: {path}. Install it (apt-get install -y fonts-droid-fallback) or pass --font PATH.", path);
        }

        return new TrueTypeFont(File.ReadAllBytes(path));
    }

    public bool HasGlyph(int codePoint) => _cmap.ContainsKey(codePoint);

    public int GlyphOf(int codePoint) => _cmap.TryGetValue(codePoint, out int g) ? g : 0;

    /// <summary>Advance width of a glyph in 1/1000 em.</summary>
    public double Advance1000(int glyph) => _advance[glyph] * 1000.0 / UnitsPerEm;

    /// <summary>Builds a font holding .notdef plus <paramref name="glyphs"/> (and their composite parts), in that order.</summary>
    public (byte[] Bytes, Dictionary<int, int> NewIds) Subset(IReadOnlyList<int> glyphs)
    {
        var order = new List<int> { 0 };
        var newIds = new Dictionary<int, int> { [0] = 0 };
        void Add(int g)
        {
            if (newIds.ContainsKey(g))
            {
                return;
            }

            newIds[g] = order.Count;
            order.Add(g);
            foreach (int part in Components(g))
            {
                Add(part);
            }
        }

        foreach (int g in glyphs)
        {
            Add(g);
        }

        var glyf = new MemoryStream();
        var offsets = new List<int>();
        foreach (int g in order)
        {
            offsets.Add((int)glyf.Length);
            byte[] outline = _data.AsSpan(_tables["glyf"].Offset + _loca[g], _loca[g + 1] - _loca[g]).ToArray();
            RemapComponents(outline, newIds);
            glyf.Write(outline);
            while (glyf.Length % 4 != 0)
            {
                glyf.WriteByte(0);
            }
        }

        offsets.Add((int)glyf.Length);

        var loca = new byte[4 * offsets.Count];
        for (int i = 0; i < offsets.Count; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(loca.AsSpan(4 * i), (uint)offsets[i]);
        }

        var hmtx = new byte[4 * order.Count];
        int lsbBase = _tables["hmtx"].Offset;
        int numHMetrics = U16(_tables["hhea"].Offset + 34);
        for (int i = 0; i < order.Count; i++)
        {
            int g = order[i];
            BinaryPrimitives.WriteUInt16BigEndian(hmtx.AsSpan(4 * i), (ushort)_advance[g]);
            int lsbAt = g < numHMetrics ? lsbBase + (4 * g) + 2 : lsbBase + (4 * numHMetrics) + (2 * (g - numHMetrics));
            BinaryPrimitives.WriteInt16BigEndian(hmtx.AsSpan((4 * i) + 2), (short)S16(lsbAt));
        }

        byte[] head = Copy("head");
        BinaryPrimitives.WriteUInt32BigEndian(head.AsSpan(8), 0); // checkSumAdjustment
        BinaryPrimitives.WriteInt16BigEndian(head.AsSpan(50), 1);  // long loca
        byte[] hhea = Copy("hhea");
        BinaryPrimitives.WriteUInt16BigEndian(hhea.AsSpan(34), (ushort)order.Count);
        byte[] maxp = Copy("maxp");
        BinaryPrimitives.WriteUInt16BigEndian(maxp.AsSpan(4), (ushort)order.Count);

        var tables = new SortedDictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["glyf"] = glyf.ToArray(),
            ["head"] = head,
            ["hhea"] = hhea,
            ["hmtx"] = hmtx,
            ["loca"] = loca,
            ["maxp"] = maxp,
        };
        foreach (var optional in new[] { "cvt ", "fpgm", "prep", "OS/2", "name" })
        {
            if (_tables.ContainsKey(optional))
            {
                tables[optional] = Copy(optional);
            }
        }

        if (_tables.ContainsKey("post"))
        {
            byte[] post = Copy("post").AsSpan(0, 32).ToArray();
            BinaryPrimitives.WriteUInt32BigEndian(post, 0x00030000); // no glyph names
            tables["post"] = post;
        }

        return (WriteFont(tables), newIds);
    }

    private static byte[] WriteFont(SortedDictionary<string, byte[]> tables)
    {
        int n = tables.Count;
        int entrySelector = (int)Math.Floor(Math.Log2(n));
        int searchRange = (1 << entrySelector) * 16;
        var output = new MemoryStream();
        var header = new byte[12 + (16 * n)];
        BinaryPrimitives.WriteUInt32BigEndian(header, 0x00010000);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(4), (ushort)n);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(6), (ushort)searchRange);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(8), (ushort)entrySelector);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(10), (ushort)((n * 16) - searchRange));
        int offset = header.Length;
        int i = 0;
        foreach (var (tag, bytes) in tables)
        {
            int rec = 12 + (16 * i);
            System.Text.Encoding.ASCII.GetBytes(tag, header.AsSpan(rec));
            BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(rec + 4), Checksum(bytes));
            BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(rec + 8), (uint)offset);
            BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(rec + 12), (uint)bytes.Length);
            offset += (bytes.Length + 3) & ~3;
            i++;
        }

        output.Write(header);
        foreach (var bytes in tables.Values)
        {
            output.Write(bytes);
            while (output.Length % 4 != 0)
            {
                output.WriteByte(0);
            }
        }

        byte[] font = output.ToArray();
        uint adjustment = unchecked(0xB1B0AFBA - Checksum(font));
        int headOffset = (int)BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(12 + (16 * IndexOf(tables, "head")) + 8));
        BinaryPrimitives.WriteUInt32BigEndian(font.AsSpan(headOffset + 8), adjustment);
        return font;
    }

    private static int IndexOf(SortedDictionary<string, byte[]> tables, string tag)
    {
        int i = 0;
        foreach (var key in tables.Keys)
        {
            if (key == tag)
            {
                return i;
            }

            i++;
        }

        return -1;
    }

    private static uint Checksum(byte[] bytes)
    {
        uint sum = 0;
        for (int i = 0; i < bytes.Length; i += 4)
        {
            uint word = 0;
            for (int k = 0; k < 4; k++)
            {
                word = (word << 8) | (i + k < bytes.Length ? bytes[i + k] : 0u);
            }

            sum = unchecked(sum + word);
        }

        return sum;
    }

    private List<int> Components(int glyph)
    {
        var parts = new List<int>();
        int start = _tables["glyf"].Offset + _loca[glyph];
        if (_loca[glyph + 1] - _loca[glyph] < 10 || S16(start) >= 0)
        {
            return parts;
        }

        int p = start + 10;
        while (true)
        {
            int flags = U16(p);
            parts.Add(U16(p + 2));
            p += 4 + ComponentArgsLength(flags);
            if ((flags & 0x20) == 0)
            {
                break;
            }
        }

        return parts;
    }

    private static int ComponentArgsLength(int flags)
    {
        int n = (flags & 0x1) != 0 ? 4 : 2;
        if ((flags & 0x8) != 0)
        {
            n += 2;
        }
        else if ((flags & 0x40) != 0)
        {
            n += 4;
        }
        else if ((flags & 0x80) != 0)
        {
            n += 8;
        }

        return n;
    }

    private static void RemapComponents(byte[] outline, Dictionary<int, int> newIds)
    {
        if (outline.Length < 10 || BinaryPrimitives.ReadInt16BigEndian(outline) >= 0)
        {
            return;
        }

        int p = 10;
        while (true)
        {
            int flags = BinaryPrimitives.ReadUInt16BigEndian(outline.AsSpan(p));
            int old = BinaryPrimitives.ReadUInt16BigEndian(outline.AsSpan(p + 2));
            BinaryPrimitives.WriteUInt16BigEndian(outline.AsSpan(p + 2), (ushort)newIds[old]);
            p += 4 + ComponentArgsLength(flags);
            if ((flags & 0x20) == 0)
            {
                break;
            }
        }
    }

    private void ReadCmap()
    {
        int cmap = _tables["cmap"].Offset;
        int n = U16(cmap + 2);
        int best = -1;
        int bestFormat = 0;
        for (int i = 0; i < n; i++)
        {
            int platform = U16(cmap + 4 + (8 * i));
            int encoding = U16(cmap + 6 + (8 * i));
            int sub = cmap + (int)U32(cmap + 8 + (8 * i));
            int format = U16(sub);
            if (platform == 3 && ((encoding == 10 && format == 12) || (encoding == 1 && format == 4 && bestFormat != 12)))
            {
                best = sub;
                bestFormat = format;
            }
        }

        if (best < 0)
        {
            throw new InvalidDataException("font has no Unicode cmap (3,1 format 4 or 3,10 format 12)");
        }

        if (bestFormat == 12)
        {
            long groups = U32(best + 12);
            for (int i = 0; i < groups; i++)
            {
                int g = best + 16 + (12 * i);
                long startChar = U32(g);
                long endChar = U32(g + 4);
                long startGlyph = U32(g + 8);
                for (long c = startChar; c <= endChar; c++)
                {
                    _cmap[(int)c] = (int)(startGlyph + (c - startChar));
                }
            }

            return;
        }

        int segX2 = U16(best + 6);
        int ends = best + 14;
        int starts = ends + segX2 + 2;
        int deltas = starts + segX2;
        int ranges = deltas + segX2;
        for (int s = 0; s < segX2 / 2; s++)
        {
            int end = U16(ends + (2 * s));
            int start = U16(starts + (2 * s));
            int delta = S16(deltas + (2 * s));
            int rangeOffset = U16(ranges + (2 * s));
            for (int c = start; c <= end && c != 0xFFFF; c++)
            {
                int g;
                if (rangeOffset == 0)
                {
                    g = (c + delta) & 0xFFFF;
                }
                else
                {
                    int at = ranges + (2 * s) + rangeOffset + (2 * (c - start));
                    g = U16(at);
                    if (g != 0)
                    {
                        g = (g + delta) & 0xFFFF;
                    }
                }

                if (g != 0)
                {
                    _cmap[c] = g;
                }
            }
        }
    }

    private byte[] Copy(string tag) => _data.AsSpan(_tables[tag].Offset, _tables[tag].Length).ToArray();

    private int U16(int at) => BinaryPrimitives.ReadUInt16BigEndian(_data.AsSpan(at));

    private int S16(int at) => BinaryPrimitives.ReadInt16BigEndian(_data.AsSpan(at));

    private long U32(int at) => BinaryPrimitives.ReadUInt32BigEndian(_data.AsSpan(at));
}
