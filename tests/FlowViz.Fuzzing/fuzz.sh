#!/usr/bin/env bash
# Coverage-guided fuzzing of one decoder with AFL++ and SharpFuzz (see README.md).
# Usage: tests/FlowViz.Fuzzing/fuzz.sh <v5|v9|ipfix|sflow> [seconds, default 300]
# Findings (crashes, hangs, the queue) go to artifacts/fuzz/<target>/findings/.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
target="${1:?usage: fuzz.sh <v5|v9|ipfix|sflow> [seconds]}"
seconds="${2:-300}"
case "$target" in v5|v9|ipfix|sflow) ;; *) echo "unknown target: $target" >&2; exit 2 ;; esac

if ! command -v afl-fuzz >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq afl++ >/dev/null
  else
    echo "afl-fuzz is missing: sudo apt-get install afl++" >&2; exit 1
  fi
fi
# The sharpfuzz instrumenter is a .NET tool; kept outside the repo so nothing is committed by accident.
tools="${FLOWVIZ_FUZZ_TOOLS:-$HOME/.cache/flowviz-fuzz/tools}"
if [ ! -x "$tools/sharpfuzz" ]; then
  dotnet tool install SharpFuzz.CommandLine --version 2.3.0 --tool-path "$tools" >/dev/null
fi

work="$root/artifacts/fuzz/$target"
rm -rf "$work/bin"
mkdir -p "$work"
# A fresh run each time; an earlier run's findings (crashes included) are kept aside, not resumed over.
[ -d "$work/findings" ] && mv "$work/findings" "$work/findings.$(date -u +%Y%m%dT%H%M%S)"
dotnet publish "$here/FlowViz.Fuzzing.csproj" -c Release -o "$work/bin" -nologo -clp:ErrorsOnly >/dev/null
# Only the decoders are instrumented: coverage of the BCL or the harness would only add noise.
"$tools/sharpfuzz" "$work/bin/FlowViz.Protocols.dll"

# dotnet itself is not AFL-instrumented (SharpFuzz reports coverage from inside), hence SKIP_BIN_CHECK.
# -m none: the CLR reserves far more virtual memory than AFL's default limit. -t: the first run JITs.
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1
export AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
export DOTNET_TieredPGO=0 # steadier timing between runs of the persistent loop
afl-fuzz -V "$seconds" -i "$here/corpus/$target" -o "$work/findings" -t 5000 -m none \
  -- dotnet "$work/bin/FlowViz.Fuzzing.dll" "$target" || true

out="$work/findings/default"
# Judged by what afl-fuzz left behind (its stats file), not by its exit code.
[ -f "$out/fuzzer_stats" ] || { echo "afl-fuzz did not run (no $out/fuzzer_stats)" >&2; exit 1; }
crashes=$(find "$out/crashes" -type f -name 'id:*' 2>/dev/null | wc -l)
hangs=$(find "$out/hangs" -type f -name 'id:*' 2>/dev/null | wc -l)
grep -E '^(execs_done|execs_per_sec|corpus_count|bitmap_cvg|run_time)' "$out/fuzzer_stats" 2>/dev/null || true
echo "$target: $crashes crash(es), $hangs hang(s) in $out"
if [ "$crashes" -gt 0 ]; then
  # The instrumented copy only runs under afl-fuzz; replay with the plain build.
  echo "Replay: dotnet run --project $here -c Release -- $target $out/crashes/id:*"
  exit 1
fi
