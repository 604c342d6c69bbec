namespace Ingest.Storage;
