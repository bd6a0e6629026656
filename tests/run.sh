#!/usr/bin/env bash
# Runs every FlowViz test: unit, integration (a private PostgreSQL the tests start), end-to-end
# (the real app over real UDP, and Debian's chromium through Playwright).
# Usage: bash tests/run.sh [extra dotnet test arguments]
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v dotnet >/dev/null || { echo "The .NET SDK is required: https://learn.microsoft.com/dotnet/core/install/linux-debian" >&2; exit 1; }
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null || missing+=(postgresql)
command -v chromium >/dev/null || missing+=(chromium)
[ -d /usr/share/fonts/truetype/liberation ] || missing+=(fonts-liberation)
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing ${missing[*]} (Debian packages the tests need)…"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "Missing Debian packages: ${missing[*]}. Install them with: sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi

results="${FLOWVIZ_TEST_RESULTS:-$PWD/artifacts/test-results}"
mkdir -p "$results"
log="$results/dotnet-test.log"

dotnet build FlowViz.sln -c Release -nologo -clp:ErrorsOnly
set +e
dotnet test --solution FlowViz.sln -c Release --no-build --results-directory "$results" "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# Each failure again, just above the closing line: Microsoft.Testing.Platform prints a failure where it
# happens, and an assembly's captured standard output (the end-to-end app's whole log) after it, so
# a reader of the last screen of output would otherwise see the log and not which test failed.
awk '
  /^failed / { shown=0; keep=1; if (!header++) print "\nFailed tests (full output in '"$log"'):"; print; next }
  keep && /^[[:space:]]/ && shown < 14 { print; shown++; next }
  { keep=0 }
' "$log"

# Microsoft.Testing.Platform ends with a summary block (total/failed/succeeded/skipped); print the one
# closing line CI reads, from that block.
awk '
  /^[[:space:]]*failed:/    { failed=$2 }
  /^[[:space:]]*succeeded:/ { passed=$2 }
  /^[[:space:]]*skipped:/   { skipped=$2 }
  END { printf "%d passed, %d failed, %d skipped\n", passed, failed, skipped }
' "$log"
exit "$status"
