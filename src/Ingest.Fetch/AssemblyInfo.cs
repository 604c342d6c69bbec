namespace Ingest.Fetch;
