#!/usr/bin/env bash
# First meaningful paint of every dashboard page on the demo data (issue #6: "under 1 s").
# Publishes FlowViz, starts it with --demo on its embedded PostgreSQL in a fresh temp directory, lets the demo
# exporters run WARMUP_SECONDS, waits until the 1-minute rollups cover all but the last minute of that history,
# then runs `FlowViz.Benchmarks --first-paint` (Playwright + Debian's chromium): RUNS loads per page, each in a
# fresh browser context; p50/p95 per page and the load average. See tests/benchmarks/README.md.
set -euo pipefail

RUNS=${RUNS:-20}
WARMUP_SECONDS=${WARMUP_SECONDS:-180}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PSQL=/usr/lib/postgresql/15/bin/psql

log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
free_port() { python3 -c 'import socket; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1",0)); t=socket.socket(); t.bind(("127.0.0.1", s.getsockname()[1])); print(s.getsockname()[1])'; }

TMP=$(mktemp -d /tmp/flowviz-paint.XXXXXX)
chmod 755 "$TMP" # the embedded PostgreSQL runs as the postgres user when started as root
FV_PID=""
cleanup() {
    if [[ -n $FV_PID ]]; then
        kill "$FV_PID" 2>/dev/null || true
        for _ in $(seq 50); do kill -0 "$FV_PID" 2>/dev/null || break; sleep 0.2; done
    fi
    [[ ${KEEP_TMP:-0} == 1 ]] && log "kept $TMP" || rm -rf "$TMP"
}
trap cleanup EXIT

log "building and publishing Release (the published app is what a user runs: Production, precompressed assets)"
dotnet build "$ROOT/src/FlowViz.Web" -c Release -nologo -v q >&2
dotnet build "$ROOT/tests/FlowViz.Benchmarks" -c Release -nologo -v q >&2
dotnet publish "$ROOT/src/FlowViz.Web" -c Release --no-build -nologo -v q -o "$TMP/publish" >&2

UDP_PORT=$(free_port); HTTP_PORT=$(free_port)
URL=http://127.0.0.1:$HTTP_PORT
# AnonymousRead: this loopback-only throwaway instance has no login to go through before each page.
log "starting FlowViz --demo (UDP $UDP_PORT, $URL, data $TMP/data)"
(cd "$TMP/publish" && exec dotnet flowviz.dll --demo --FlowViz:DataDirectory="$TMP/data" \
    --Collector:Listen:0=127.0.0.1:$UDP_PORT --Urls=$URL --Auth:AnonymousRead=true \
    --Logging:LogLevel:Default=Warning ${FLOWVIZ_ARGS:-} >"$TMP/flowviz.log" 2>&1) &
FV_PID=$!
for _ in $(seq 240); do
    curl -fs "$URL/healthz" >/dev/null 2>&1 && break
    kill -0 "$FV_PID" 2>/dev/null || { cat "$TMP/flowviz.log" >&2; exit 1; }
    sleep 0.5
done
curl -fs "$URL/healthz" >/dev/null || { log "FlowViz did not become healthy"; cat "$TMP/flowviz.log" >&2; exit 1; }
SOCKET=$(find "$TMP/data" -name '.s.PGSQL.*' -print -quit)
sql() { "$PSQL" -h "$(dirname "$SOCKET")" -p "${SOCKET##*.}" -U postgres -d flowviz -Atqc "$1"; }

log "demo running; waiting ${WARMUP_SECONDS}s for its history"
sleep "$WARMUP_SECONDS"
for _ in $(seq 120); do
    [[ $(sql "SELECT count(*) FROM rollup_state WHERE resolution = '1m' AND covered_to >= now() - interval '90 seconds'") == 1 ]] && break
    sleep 1
done
log "flows stored: $(sql 'SELECT count(*) FROM flows'); 1-minute rollups cover $(sql "SELECT covered_from || ' .. ' || covered_to FROM rollup_state WHERE resolution = '1m'") (now $(date -u +%H:%M:%S))"

# MODE=paint-trace: chromium's trace of each chart page instead (FirstPaint/PaintTrace.cs), RUNS loads each.
dotnet "$ROOT/tests/FlowViz.Benchmarks/bin/Release/net10.0/FlowViz.Benchmarks.dll" "--${MODE:-first-paint}" "$URL" "$RUNS"
