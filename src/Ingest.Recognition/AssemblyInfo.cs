namespace Ingest.Recognition;
