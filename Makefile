# Ingest — developer entry points. `make run` and `make test` are all a fresh machine needs.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
DOTNET ?= dotnet
CONFIG ?= Release
CLI := $(DOTNET) run --project src/Ingest.Cli -c $(CONFIG) --no-build --
STORE ?= data/ingest.db
REAL := ../shared/corpus-real
FONT := /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf
SEED ?= 20261126
export DOTNET_CLI_TELEMETRY_OPTOUT := 1
export DOTNET_NOLOGO := 1

.PHONY: all build run test bench bench-errors bench-scale corpus corpus-large train export-items clean help

all: build

help:
	@echo "make build   - restore and build everything ($(CONFIG))"
	@echo "make run     - ingest corpus/ (and $(REAL) when present) into $(STORE), print a summary"
	@echo "make test    - run every test project"
	@echo "make bench   - ICDAR 2013 score and engine speed/memory"
	@echo "make bench-errors - injected-error recall/precision on 200 generated variants (corpus-large/)"
	@echo "make corpus  - regenerate the synthetic corpus in corpus/ (seed $(SEED))"
	@echo "make train   - train the table-type classifier into models/ (report in models/table-type.json)"

build:
	$(DOTNET) build Ingest.sln -c $(CONFIG) -nologo -v q

run: build
	@mkdir -p $(dir $(STORE))
	@inputs="corpus"; if [ -d "$(REAL)" ]; then inputs="$$inputs $(REAL)"; fi; \
	  status=0; $(CLI) run $$inputs --store $(STORE) || status=$$?; \
	  if [ $$status -gt 1 ]; then exit $$status; fi
	@$(CLI) export --format csv --what documents --store $(STORE) -o data/documents.csv
	@echo "records: $(STORE); documents: data/documents.csv; line items: make export-items"

export-items: build
	$(CLI) export --format csv --what line-items --bom --store $(STORE) -o data/line-items.csv

test: build
	@scripts/test.sh $(CONFIG)

bench: build
	$(DOTNET) run --project bench/Ingest.Bench -c $(CONFIG) --no-build -- icdar
	$(DOTNET) run --project bench/Ingest.Bench -c $(CONFIG) --no-build -- speed corpus $(wildcard $(REAL))

bench-errors: build
	@[ -d corpus-large/errors ] || $(DOTNET) run --project src/Ingest.Synthetic -c $(CONFIG) -- --seed $(SEED) --large --errors 200 --font $(FONT)
	$(DOTNET) run --project bench/Ingest.Bench -c $(CONFIG) --no-build -- errors corpus-large

# Scale-out (Hangfire on PostgreSQL): 1 vs 2 worker processes, a worker SIGKILLed mid-batch, worker memory.
# Needs a PostgreSQL role that may create databases: BENCH_PG='Host=127.0.0.1;Username=ingest;Password=ingest;Database=ingest_test'.
BENCH_PG ?= $(INGEST_TEST_POSTGRES)
BENCH_DOCS ?= 200
bench-scale: build
	$(DOTNET) run --project bench/Ingest.Bench -c $(CONFIG) --no-build -- scale --store "$(BENCH_PG)" --docs $(BENCH_DOCS) corpus $(wildcard corpus-large)

corpus:
	@[ -f $(FONT) ] || (apt-get update -q && apt-get install -y -q fonts-droid-fallback)
	$(DOTNET) run --project src/Ingest.Synthetic -c $(CONFIG) -- --seed $(SEED) --count 24 --out corpus --font $(FONT)

corpus-large:
	@[ -f $(FONT) ] || (apt-get update -q && apt-get install -y -q fonts-droid-fallback)
	$(DOTNET) run --project src/Ingest.Synthetic -c $(CONFIG) -- --seed $(SEED) --large --font $(FONT)

train: build
	$(CLI) train --corpus corpus --real data/training/table-types-real.tsv --out models

clean:
	$(DOTNET) clean Ingest.sln -c $(CONFIG) -v q
	rm -rf data logs
