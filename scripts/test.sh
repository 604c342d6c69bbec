#!/usr/bin/env bash
# Runs every test project, then prints one closing line "N passed, N failed, N skipped".
# PostgreSQL tests run when INGEST_TEST_POSTGRES names a reachable server (.ci/run sets one up); otherwise they are
# skipped and a line says so.
set -uo pipefail
config="${1:-Release}"
cd "$(dirname "$0")/.."
log=$(mktemp)
skips=$(mktemp)
export INGEST_TEST_SKIP_LOG="$skips"
dotnet test Ingest.sln -c "$config" --no-build --nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
passed=0; failed=0; skipped=0
while read -r f p s; do
  failed=$((failed + f)); passed=$((passed + p)); skipped=$((skipped + s))
done < <(sed -n 's/.*Failed: *\([0-9]*\), Passed: *\([0-9]*\), Skipped: *\([0-9]*\).*/\1 \2 \3/p' "$log")
if [ -s "$skips" ]; then
  sort -u "$skips"
elif [ -n "${INGEST_TEST_POSTGRES:-}" ]; then
  echo "PostgreSQL tests ran against INGEST_TEST_POSTGRES"
fi
rm -f "$log" "$skips"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "tests: $passed passed, $failed failed, $skipped skipped"
exit "$status"
