using Ingest.Core.Layout;
using Ingest.Core.Records;

namespace Ingest.Core.Pipeline;

/// <summary>Stage 2: read one PDF file into pages, text lines and tables. Never throws for bad input: problems become diagnostics.</summary>
public interface IFileExtractor
{
    ExtractedFile Extract(string path, CancellationToken cancellationToken = default);
}

/// <summary>Stage 3: document metadata, table typing, header and code mapping, units, narrative facts.</summary>
public interface IRecognizer
{
    void Recognize(DocumentRecord record, IReadOnlyList<ExtractedFile> files);
}

/// <summary>Stage 4: the accounting identities. Adds findings and check outcomes to the record.</summary>
public interface IValidator
{
    void Validate(DocumentRecord record);
}

/// <summary>Stage 5: where records live. Writes are keyed by document id (idempotent).</summary>
public interface IRecordStore : IDisposable
{
    void Upsert(DocumentRecord record);
    DocumentRecord? Get(string id);
    long Count();
    /// <summary>All records, streamed in id order.</summary>
    IEnumerable<DocumentRecord> All();
}
