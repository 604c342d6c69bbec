namespace Ingest.Pdf;
