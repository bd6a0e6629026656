#!/usr/bin/env bash
# Ingest benchmark (issue #7): offers stepped NetFlow loads with `flowviz generate` to FlowViz on its embedded
# PostgreSQL and to nfdump's nfcapd, and prints what each one stored. Loopback only; every step is bounded.
# Not part of tests/run.sh: it takes minutes and its figures depend on the machine.
#
#   tests/benchmarks/ingest.sh                       # 50k 100k 200k 400k flows/s, 20 s each
#   RATES="25000 50000" STEP_SECONDS=10 tests/benchmarks/ingest.sh
#
# Settings (environment): RATES, STEP_SECONDS, EXPORTERS, PROTOCOL (netflow9|netflow5), DATAGRAM_SIZE,
# DRAIN_SECONDS (longest wait for the stored count to reach the sent count), SKIP_NFCAPD=1, KEEP_TMP=1.
set -euo pipefail

RATES=${RATES:-"50000 100000 200000 400000"}
STEP_SECONDS=${STEP_SECONDS:-20}
EXPORTERS=${EXPORTERS:-4}
PROTOCOL=${PROTOCOL:-netflow9}
DATAGRAM_SIZE=${DATAGRAM_SIZE:-1400}
DRAIN_SECONDS=${DRAIN_SECONDS:-60}
BUFFER=67108864
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BIN="$ROOT/src/FlowViz.Web/bin/Release/net10.0"
PSQL=/usr/lib/postgresql/15/bin/psql
HZ=$(getconf CLK_TCK)

log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
now() { date +%s.%N; }
free_port() { python3 -c 'import socket; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1",0)); t=socket.socket(); t.bind(("127.0.0.1", s.getsockname()[1])); print(s.getsockname()[1])'; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }          # utime + stime, in clock ticks
peak_rss_mib() { awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }
json_field() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])" "$1" "$2"; }

log "building Release"
dotnet build "$ROOT/src/FlowViz.Web" -c Release -nologo -v q >&2

if [[ $(id -u) == 0 ]]; then
    sysctl -qw net.core.rmem_max=$BUFFER
fi
log "net.core.rmem_max = $(cat /proc/sys/net/core/rmem_max); $(nproc) cores; load: $(cut -d' ' -f1-3 /proc/loadavg)"

TMP=$(mktemp -d /tmp/flowviz-bench.XXXXXX)
chmod 755 "$TMP" # the embedded PostgreSQL runs as the postgres user when started as root
FV_PID="" NF_PID=""
cleanup() {
    [[ -n $NF_PID ]] && kill "$NF_PID" 2>/dev/null || true
    if [[ -n $FV_PID ]]; then
        kill "$FV_PID" 2>/dev/null || true
        for _ in $(seq 50); do kill -0 "$FV_PID" 2>/dev/null || break; sleep 0.2; done
    fi
    [[ ${KEEP_TMP:-0} == 1 ]] && log "kept $TMP" || rm -rf "$TMP"
}
trap cleanup EXIT

FV_PORT=$(free_port); HTTP_PORT=$(free_port); NF_PORT=$(free_port)
# AnonymousRead: /metrics needs the Operator policy; this loopback-only throwaway instance grants it to the scrape.
log "starting FlowViz (UDP $FV_PORT, HTTP $HTTP_PORT, data $TMP/data)"
(cd "$BIN" && exec dotnet flowviz.dll --FlowViz:DataDirectory="$TMP/data" --Collector:Listen:0=127.0.0.1:$FV_PORT \
    --Urls=http://127.0.0.1:$HTTP_PORT --Collector:ReceiveBufferBytes=$BUFFER --Logging:LogLevel:Default=Warning \
    --Auth:AnonymousRead=true \
    >"$TMP/flowviz.log" 2>&1) &
FV_PID=$!
for _ in $(seq 240); do
    curl -fs "http://127.0.0.1:$HTTP_PORT/healthz" >/dev/null 2>&1 && break
    kill -0 "$FV_PID" 2>/dev/null || { cat "$TMP/flowviz.log" >&2; exit 1; }
    sleep 0.5
done
curl -fs "http://127.0.0.1:$HTTP_PORT/healthz" >/dev/null || { log "FlowViz did not become healthy"; cat "$TMP/flowviz.log" >&2; exit 1; }
# `dotnet flowviz.dll` is the process whose CPU and memory count; the subshell exec'd into it.
SOCKET=$(find "$TMP/data" -name '.s.PGSQL.*' -print -quit)
PG_DIR=$(dirname "$SOCKET"); PG_PORT=${SOCKET##*.}
stored() { "$PSQL" -h "$PG_DIR" -p "$PG_PORT" -U postgres -d flowviz -Atqc "SELECT count(*) FROM flows"; }
log "FlowViz healthy (pid $FV_PID); database socket $PG_DIR port $PG_PORT; rows: $(stored)"

# Where flows went missing: the kernel (socket buffer full: drops in /proc/net/udp for the listener), or
# FlowViz's own counters (datagram queue full, flows lost or spooled on the write path); all per step.
metric() { curl -fs "http://127.0.0.1:$HTTP_PORT/metrics" | awk -v m="$1" 'index($1, m) == 1 && substr($1, length(m) + 1, 1) ~ /^({|)$/ {s += $2} END {printf "%.0f", s}'; }
kernel_drops() { awk -v p="$(printf ':%04X' "$FV_PORT")" '$2 ~ p"$" {s += $NF} END {print s + 0}' /proc/net/udp; }
counters() { echo "$(kernel_drops) $(metric flowviz_collector_datagrams_received_total) $(metric flowviz_collector_datagrams_dropped_total) $(metric flowviz_collector_flows_spooled_total) $(metric flowviz_collector_flows_lost_total)"; }

generate() { # rate port json-out
    timeout $((STEP_SECONDS + 30)) dotnet "$BIN/flowviz.dll" generate --target "127.0.0.1:$2" --protocol "$PROTOCOL" \
        --rate "$1" --duration "$STEP_SECONDS" --exporters "$EXPORTERS" --datagram-size "$DATAGRAM_SIZE" --json >"$3"
}

ROWS=() WHERE=()
for RATE in $RATES; do
    log "FlowViz: $RATE flows/s offered for $STEP_SECONDS s"
    read -r K0 R0 Q0 SP0 L0 <<<"$(counters)"
    BEFORE=$(stored); T0=$(now); C0=$(cpu_ticks "$FV_PID")
    generate "$RATE" "$FV_PORT" "$TMP/gen-fv-$RATE.json"
    T1=$(now); C1=$(cpu_ticks "$FV_PID")
    SENT=$(json_field "$TMP/gen-fv-$RATE.json" flows); GEN_RATE=$(json_field "$TMP/gen-fv-$RATE.json" flowsPerSecond)
    # Latency: from the generator's exit until every sent flow is queryable; when some are lost, wait until
    # the count has not moved for 5 s (and report no latency), never longer than DRAIN_SECONDS.
    LATENCY="-"; LAST=$BEFORE; LAST_CHANGE=$(now); DONE_AT=$T1
    while :; do
        COUNT=$(stored); NOW=$(now)
        if (( COUNT != LAST )); then LAST=$COUNT; LAST_CHANGE=$NOW; DONE_AT=$NOW; fi
        if (( COUNT - BEFORE >= SENT )); then LATENCY=$(echo "$NOW - $T1" | bc -l); DONE_AT=$NOW; break; fi
        (( $(echo "$NOW - $LAST_CHANGE > 5" | bc -l) )) && break
        (( $(echo "$NOW - $T1 > $DRAIN_SECONDS" | bc -l) )) && break
        sleep 0.2
    done
    C2=$(cpu_ticks "$FV_PID")
    GOT=$((LAST - BEFORE))
    read -r K1 R1 Q1 SP1 L1 <<<"$(counters)"
    DGRAMS=$(json_field "$TMP/gen-fv-$RATE.json" datagrams)
    WHERE+=("$(printf '%9s %12s %12s %12s %12s %12s %12s' "$RATE" "$DGRAMS" "$((R1 - R0))" "$((K1 - K0))" "$((Q1 - Q0))" "$((SP1 - SP0))" "$((L1 - L0))")")
    # Stored flows/s over the generator's own sending time plus the drain after it (dotnet start-up excluded).
    GEN_SECONDS=$(json_field "$TMP/gen-fv-$RATE.json" elapsedSeconds)
    STORED_RATE=$(echo "$GOT / ($GEN_SECONDS + $DONE_AT - $T1)" | bc -l)
    CPU=$(echo "100 * ($C2 - $C0) / $HZ / ($DONE_AT - $T0)" | bc -l)
    RSS=$(peak_rss_mib "$FV_PID")

    NF_GOT="-" NF_CPU="-" RATIO="-" NF_RATE="-"
    if [[ ${SKIP_NFCAPD:-0} != 1 ]]; then
        log "nfcapd: $RATE flows/s offered for $STEP_SECONDS s"
        NF_DIR="$TMP/nfcapd-$RATE"; mkdir -p "$NF_DIR"
        nfcapd -w "$NF_DIR" -p "$NF_PORT" -b 127.0.0.1 -B $BUFFER -t 3600 >"$TMP/nfcapd-$RATE.log" 2>&1 &
        NF_PID=$!; sleep 1
        N0=$(cpu_ticks "$NF_PID"); S0=$(now)
        generate "$RATE" "$NF_PORT" "$TMP/gen-nf-$RATE.json"
        S1=$(now); sleep 1; N1=$(cpu_ticks "$NF_PID")
        kill -TERM "$NF_PID"; wait "$NF_PID" 2>/dev/null || true; NF_PID=""
        NF_SENT=$(json_field "$TMP/gen-nf-$RATE.json" flows)
        NF_GOT=$(nfdump -R "$NF_DIR" -I 2>/dev/null | awk '/^Flows:/ {print $2; exit}')
        NF_GOT=${NF_GOT:-0}
        NF_RATE=$(printf '%.0f' "$(echo "$NF_GOT / $(json_field "$TMP/gen-nf-$RATE.json" elapsedSeconds)" | bc -l)")
        NF_CPU=$(printf '%.0f' "$(echo "100 * ($N1 - $N0) / $HZ / ($S1 - $S0 + 1)" | bc -l)")
        NF_LOSS=$(printf '%.2f' "$(echo "100 * ($NF_SENT - $NF_GOT) / $NF_SENT" | bc -l)")
        NF_GOT="$NF_GOT/$NF_SENT ($NF_LOSS%)"
        RATIO=$(printf '%.2f' "$(echo "($GOT / $SENT) / ($(echo "$NF_GOT" | cut -d/ -f1) / $NF_SENT)" | bc -l 2>/dev/null || echo 0)")
    fi
    LOSS=$((SENT - GOT))
    ROWS+=("$(printf '%9s %11.0f %9s %11.0f %9s %7.2f%% %6.0f%% %7s %8s | %9s %24s %6s%% | %5s' \
        "$RATE" "$GEN_RATE" "$GOT" "$STORED_RATE" "$LOSS" "$(echo "100 * $LOSS / $SENT" | bc -l)" "$CPU" "$RSS" \
        "$( [[ $LATENCY == - ]] && echo - || printf '%.1f s' "$LATENCY")" "$NF_RATE" "$NF_GOT" "$NF_CPU" "$RATIO")")
done

echo
echo "FlowViz ingest benchmark: $PROTOCOL, $EXPORTERS exporters, $STEP_SECONDS s per step, ${DATAGRAM_SIZE}-byte datagrams, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%9s %11s %9s %11s %9s %8s %7s %7s %8s | %9s %24s %7s | %5s\n' \
    offered/s generated/s stored stored/s lost loss cpu rss_MiB latency nfcapd/s "nfcapd stored/sent" cpu ratio
printf '%s\n' "${ROWS[@]}"
echo "ratio = FlowViz stored fraction / nfcapd stored fraction; cpu = % of one core; rss = FlowViz peak (VmHWM) so far"
echo
echo "Where FlowViz's losses happened (per step; datagrams except the last two columns, which are flows):"
printf '%9s %12s %12s %12s %12s %12s %12s\n' offered/s sent received kernel_drops queue_drops flows_spooled flows_lost
printf '%s\n' "${WHERE[@]}"
