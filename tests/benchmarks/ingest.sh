#!/usr/bin/env bash
# Ingest benchmark (issue #7): offers stepped NetFlow loads with `flowviz generate` to FlowViz on its embedded
# PostgreSQL and to nfdump's nfcapd, and prints what each one stored. Loopback only; every step is bounded.
# Not part of tests/run.sh: it takes minutes and its figures depend on the machine.
#
#   tests/benchmarks/ingest.sh                       # 50k 100k 200k 400k flows/s, 20 s each
#   RATES="25000 50000" STEP_SECONDS=10 tests/benchmarks/ingest.sh
#
# Settings (environment): RATES, STEP_SECONDS, EXPORTERS, PROTOCOL (netflow9|netflow5), DATAGRAM_SIZE,
# DRAIN_SECONDS (longest wait for the written count to reach the sent count), WARMUP_SECONDS (an unmeasured first
# step, default 10), SKIP_NFCAPD=1, SKIP_NFACCTD=1,
# PM_REFRESH (nfacctd's purge interval, s), OUTAGE_SECONDS / OUTAGE_RATE (a database outage step, below), PG_SETTINGS (see below), FLOWVIZ_ARGS (extra settings, e.g. "--Collector:Writers=3"), KEEP_TMP=1.
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
    --Auth:AnonymousRead=true ${FLOWVIZ_ARGS:-} \
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
# WAL written (bytes, full-page images) and checkpoints so far: what max_wal_size / checkpoint_timeout act on.
wal_state() { "$PSQL" -h "$PG_DIR" -p "$PG_PORT" -U postgres -d flowviz -AtqF' ' -c \
    "SELECT w.wal_bytes, w.wal_fpi, b.checkpoints_timed + b.checkpoints_req FROM pg_stat_wal w, pg_stat_bgwriter b"; }
log "FlowViz healthy (pid $FV_PID); database socket $PG_DIR port $PG_PORT; rows: $(stored)"
# PG_SETTINGS="max_wal_size=1GB checkpoint_timeout=5min": ALTER SYSTEM (read after flowviz.conf) and reload, to
# compare server settings with the same binary. Only settings a reload applies.
for SETTING in ${PG_SETTINGS:-}; do
    "$PSQL" -h "$PG_DIR" -p "$PG_PORT" -U postgres -d flowviz -Atqc "ALTER SYSTEM SET ${SETTING%%=*} = '${SETTING#*=}'" >/dev/null
done
[[ -n ${PG_SETTINGS:-} ]] && "$PSQL" -h "$PG_DIR" -p "$PG_PORT" -U postgres -d flowviz -Atqc "SELECT pg_reload_conf()" >/dev/null
log "server: $("$PSQL" -h "$PG_DIR" -p "$PG_PORT" -U postgres -d flowviz -Atqc "SELECT string_agg(name || '=' || setting || coalesce(unit, ''), ' ') FROM pg_settings WHERE name IN ('max_wal_size', 'checkpoint_timeout', 'shared_buffers', 'wal_buffers', 'synchronous_commit', 'fsync')")"

# Where flows went missing: the kernel (socket buffer full: drops in /proc/net/udp for the listener), or
# FlowViz's own counters (datagram queue full, flows lost or spooled on the write path); all per step.
metric() { curl -fs "http://127.0.0.1:$HTTP_PORT/metrics" | awk -v m="$1" 'index($1, m) == 1 && substr($1, length(m) + 1, 1) ~ /^({|)$/ {s += $2} END {printf "%.0f", s}'; }
kernel_drops() { awk -v p="$(printf ':%04X' "$FV_PORT")" '$2 ~ p"$" {s += $NF} END {print s + 0}' /proc/net/udp; }
counters() { echo "$(kernel_drops) $(metric flowviz_collector_datagrams_received_total) $(metric flowviz_collector_datagrams_dropped_total) $(metric flowviz_collector_flows_spooled_total) $(metric flowviz_collector_flows_lost_total)"; }

generate() { # rate port json-out; the generator's own CPU (user sys, seconds) goes to json-out.time
    timeout $((STEP_SECONDS + 30)) /usr/bin/time -f '%U %S' -o "$3.time" dotnet "$BIN/flowviz.dll" generate \
        --target "127.0.0.1:$2" --protocol "$PROTOCOL" --rate "$1" --duration "$STEP_SECONDS" --exporters "$EXPORTERS" \
        --datagram-size "$DATAGRAM_SIZE" --json >"$3"
}
generator_cpu() { awk '{printf "%.0f", 100 * ($1 + $2) / ('"$STEP_SECONDS"' + 1)}' "$1.time"; } # % of one core over the send

# The embedded PostgreSQL: the postmaster (its own CPU plus that of exited backends, which it reaped) and its
# live children (backends, WAL writer, checkpointer...). Memory: proportional set size (shared buffers counted
# once, not once per backend), summed over those processes, sampled while load is offered.
PG_PM=$(head -1 "$(find "$TMP/data" -name postmaster.pid -print -quit)")
pg_children() { ps --ppid "$PG_PM" -o pid= 2>/dev/null; }
pg_cpu_ticks() {
    local total; total=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$PG_PM/stat")
    for c in $(pg_children); do total=$((total + $(awk '{print $14 + $15}' "/proc/$c/stat" 2>/dev/null || echo 0))); done
    echo "$total"
}
# A backend may exit between ps and awk (autovacuum workers, nfacctd's per-purge writers): awk then exits 2, and under
# `set -e -o pipefail` that status used to end the whole script silently in the middle of a step (seen once at 500k
# with the peers on). A vanished process has no memory left to count: `|| true`.
pg_pss_mib() { for p in "$PG_PM" $(pg_children); do awk '/^Pss:/ {print $2}' "/proc/$p/smaps_rollup" 2>/dev/null || true; done | awk '{s += $1} END {printf "%.0f", s / 1024}'; }
PG_PEAK=0
sample_pg() { local m; m=$(pg_pss_mib); (( m > PG_PEAK )) && PG_PEAK=$m; return 0; }
# Runs "generate" in the background and samples PostgreSQL's memory until it ends.
generate_sampling() {
    generate "$@" & local g=$! status=0
    while kill -0 "$g" 2>/dev/null; do sample_pg; sleep 0.5; done
    wait "$g" || status=$?
    (( status == 0 )) || { log "the generator failed (exit $status; 124 = its timeout)"; cat "$3" >&2; return "$status"; }
}

# pmacct's nfacctd with its PostgreSQL plugin, writing into a database of the same embedded cluster: COPY, insert
# only (its fastest mode), a cache purged every PM_REFRESH seconds. Its v9 table without the primary key (FlowViz's
# flows table has none either). nfacctd aggregates flows with equal keys into one row, and the generator repeats
# keys, so its rows (and rows/s: its database write rate) are shown, not compared as flows; its v9 "flows" column
# stays 0 for NetFlow v9 without a flow-count field. Its cache stays at the default size:
# with sql_cache_entries at 262139 or 1000003 its pgsql plugin died on the first data here ("connection lost to
# 'default_pgsql-pgsql'"); with 1 GB plugin pipes it wrote nothing. The default cache purges early when full.
PM_REFRESH=${PM_REFRESH:-5}
tree_ticks() { # utime+stime of a process, its reaped children, and its live descendants
    local t; t=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$1/stat" 2>/dev/null || echo 0)
    for c in $(ps --ppid "$1" -o pid= 2>/dev/null); do t=$((t + $(tree_ticks "$c"))); done
    echo "$t"
}
pm_sql() { "$PSQL" -h "$PG_DIR" -p "$PG_PORT" -U postgres -d pmacct -Atqc "$1"; }
if [[ ${SKIP_NFACCTD:-0} != 1 ]]; then
    command -v nfacctd >/dev/null || { log "nfacctd not found: apt-get install pmacct, or SKIP_NFACCTD=1"; exit 1; }
    "$PSQL" -h "$PG_DIR" -p "$PG_PORT" -U postgres -d postgres -Atqc "CREATE DATABASE pmacct" >/dev/null
    sed -e '/^DROP TABLE IF EXISTS proto/,$d' -e '/CONSTRAINT acct_v9_pk/d' \
        -e 's/^\(    stamp_updated timestamp without time zone\),$/\1/' /usr/share/doc/pmacct/sql/pmacct-create-table_v9.pgsql |
        "$PSQL" -h "$PG_DIR" -p "$PG_PORT" -U postgres -d pmacct -q >/dev/null
fi
nfacctd_step() { # rate: prints "rate flows_accounted/sent rows cpu% pg_cpu%"
    local rate=$1 conf="$TMP/nfacctd.conf" gen_end pm_pid pm0 pg0 s0 sent got last last_change t1 pm1 pg1 rows
    pm_sql "TRUNCATE acct_v9"
    cat >"$conf" <<CONF
daemonize: false
nfacctd_ip: 127.0.0.1
nfacctd_port: $NF_PORT
nfacctd_pipe_size: $BUFFER
nfacctd_time_new: true
plugins: pgsql
aggregate: src_host, dst_host, src_port, dst_port, proto, tos, src_as, dst_as, tcpflags, src_mac, dst_mac, vlan
plugin_pipe_size: 102400000
plugin_buffer_size: 102400
sql_host: $PG_DIR
sql_port: $PG_PORT
sql_db: pmacct
sql_user: postgres
sql_passwd: none
sql_table: acct_v9
sql_table_version: 9
sql_refresh_time: $PM_REFRESH
sql_dont_try_update: true
sql_use_copy: true
CONF
    nfacctd -f "$conf" >"$TMP/nfacctd-$rate.log" 2>&1 &
    pm_pid=$!; sleep 1
    pm0=$(tree_ticks "$pm_pid"); pg0=$(pg_cpu_ticks); s0=$(now)
    generate "$rate" "$NF_PORT" "$TMP/gen-pm-$rate.json"
    t1=$(now); gen_end=$t1; sent=$(json_field "$TMP/gen-pm-$rate.json" flows)
    # Its cache reaches the database at the next purge: wait until its rows reach what was sent or has not
    # moved for two purge intervals.
    last=-1; last_change=$t1
    while :; do
        got=$(pm_sql "SELECT count(*) FROM acct_v9")
        (( got != last )) && { last=$got; last_change=$(now); }
        (( got >= sent )) && break
        (( $(echo "$(now) - $last_change > 2 * $PM_REFRESH + 1" | bc -l) )) && break
        (( $(echo "$(now) - $t1 > $DRAIN_SECONDS" | bc -l) )) && break
        sleep 0.5
    done
    pm1=$(tree_ticks "$pm_pid"); pg1=$(pg_cpu_ticks); t1=$(now)
    kill -INT "$pm_pid" 2>/dev/null || true; wait "$pm_pid" 2>/dev/null || true
    rows=$(pm_sql "SELECT count(*) FROM acct_v9")
    printf '%s %s/%s %s %.0f %.0f %.0f' "$rate" "$rows" "$sent" "$rows" "$(echo "100 * ($pm1 - $pm0) / $HZ / ($t1 - $s0)" | bc -l)" \
        "$(echo "100 * ($pg1 - $pg0) / $HZ / ($t1 - $s0)" | bc -l)" \
        "$(echo "$got / ($(json_field "$TMP/gen-pm-$rate.json" elapsedSeconds) + $last_change - $gen_end)" | bc -l)"
}

# Warm-up (WARMUP_SECONDS, default 10; 0 = none): one unmeasured step at the first rate, then a wait until the written
# count stops moving. A freshly started FlowViz spends its first seconds of traffic compiling the hot path (tier-0, then
# tier-1 and PGO re-JIT): perf put 36-41 % of its samples in libclrjit.so during a first step, 15 % in a second step
# at the same rate, and its µs per flow fell from 11.78 to 4.77 between the two (2026-11-23, load 36-41). Without this
# the first rate's figure is mostly start-up.
WARMUP_SECONDS=${WARMUP_SECONDS:-10}
if (( WARMUP_SECONDS > 0 )); then
    log "warm-up: ${RATES%% *} flows/s for $WARMUP_SECONDS s (not measured)"
    STEP_SECONDS_SAVED=$STEP_SECONDS; STEP_SECONDS=$WARMUP_SECONDS
    generate "${RATES%% *}" "$FV_PORT" "$TMP/gen-warmup.json" || true
    STEP_SECONDS=$STEP_SECONDS_SAVED
    LAST=-1
    for _ in $(seq 60); do
        WRITTEN=$(metric flowviz_collector_flows_written_total); (( WRITTEN == LAST )) && break; LAST=$WRITTEN; sleep 2
    done
fi

ROWS=() WHERE=() SPLIT=() PM_ROWS=()
for RATE in $RATES; do
    log "FlowViz: $RATE flows/s offered for $STEP_SECONDS s"
    read -r K0 R0 Q0 SP0 L0 <<<"$(counters)"
    BEFORE=$(stored); WRITTEN0=$(metric flowviz_collector_flows_written_total); T0=$(now); C0=$(cpu_ticks "$FV_PID"); P0=$(pg_cpu_ticks); PG_PEAK=0; read -r W0 F0 CP0 <<<"$(wal_state)"
    generate_sampling "$RATE" "$FV_PORT" "$TMP/gen-fv-$RATE.json"
    T1=$(now); C1=$(cpu_ticks "$FV_PID")
    SENT=$(json_field "$TMP/gen-fv-$RATE.json" flows); GEN_RATE=$(json_field "$TMP/gen-fv-$RATE.json" flowsPerSecond)
    # Latency: from the generator's exit until every sent flow is committed; when some are lost, wait until the
    # written count has not moved for 5 s (and report no latency), never longer than DRAIN_SECONDS. "Committed" is
    # FlowViz's own written-flows counter (incremented after each batch's COPY transaction commits), read from
    # /metrics: polling `SELECT count(*) FROM flows` here used to scan the table every 0.2 s and was charged to
    # PostgreSQL's per-flow CPU (about 10 µs/flow in this script against 4.09 µs in the writer's --copy-floor figure).
    LATENCY="-"; LAST=0; LAST_CHANGE=$(now); DONE_AT=$T1
    while :; do
        WRITTEN=$(( $(metric flowviz_collector_flows_written_total) - WRITTEN0 )); NOW=$(now)
        if (( WRITTEN != LAST )); then LAST=$WRITTEN; LAST_CHANGE=$NOW; DONE_AT=$NOW; fi
        if (( WRITTEN >= SENT )); then LATENCY=$(echo "$NOW - $T1" | bc -l); DONE_AT=$NOW; break; fi
        (( $(echo "$NOW - $LAST_CHANGE > 5" | bc -l) )) && break
        (( $(echo "$NOW - $T1 > $DRAIN_SECONDS" | bc -l) )) && break
        sample_pg; sleep 0.2
    done
    C2=$(cpu_ticks "$FV_PID"); P2=$(pg_cpu_ticks); read -r W2 F2 CP2 <<<"$(wal_state)"
    # Stored is counted once, in the database, after the CPU figures were read: the zero-loss accounting is rows,
    # not the counter. Fewer rows than the counter says were committed would be a bug in FlowViz's accounting: say so.
    GOT=$(( $(stored) - BEFORE ))
    (( GOT >= LAST )) || log "flows_written_total moved by $LAST but only $GOT rows were stored in this step"
    read -r K1 R1 Q1 SP1 L1 <<<"$(counters)"
    DGRAMS=$(json_field "$TMP/gen-fv-$RATE.json" datagrams)
    WHERE+=("$(printf '%9s %12s %12s %12s %12s %12s %12s' "$RATE" "$DGRAMS" "$((R1 - R0))" "$((K1 - K0))" "$((Q1 - Q0))" "$((SP1 - SP0))" "$((L1 - L0))")")
    # Stored flows/s over the generator's own sending time plus the drain after it (dotnet start-up excluded).
    GEN_SECONDS=$(json_field "$TMP/gen-fv-$RATE.json" elapsedSeconds)
    STORED_RATE=$(echo "$GOT / ($GEN_SECONDS + $DONE_AT - $T1)" | bc -l)
    CPU=$(echo "100 * ($C2 - $C0) / $HZ / ($DONE_AT - $T0)" | bc -l)
    RSS=$(peak_rss_mib "$FV_PID")
    PG_CPU=$(echo "100 * ($P2 - $P0) / $HZ / ($DONE_AT - $T0)" | bc -l)
    GEN_CPU=$(generator_cpu "$TMP/gen-fv-$RATE.json")
    # CPU time per stored flow (µs): steadier than a rate when other work shares the cores.
    US_FV=$(echo "1000000 * ($C2 - $C0) / $HZ / ($GOT + 1)" | bc -l); US_PG=$(echo "1000000 * ($P2 - $P0) / $HZ / ($GOT + 1)" | bc -l)
    US_GEN=$(awk -v n="$SENT" '{printf "%.2f", 1000000 * ($1 + $2) / n}' "$TMP/gen-fv-$RATE.json.time")
    SPLIT+=("$(printf '%9s %8.0f%% %8.0f%% %8s%% %10s | %8.2f %8.2f %8s %8.0f | %7.0f %6s %5s' "$RATE" "$CPU" "$PG_CPU" "$GEN_CPU" "$PG_PEAK" \
        "$US_FV" "$US_PG" "$US_GEN" "$(echo "$(nproc) * 1000000 / ($US_FV + $US_PG + $US_GEN)" | bc -l)" \
        "$(echo "($W2 - $W0) / ($GOT + 1)" | bc -l)" "$((F2 - F0))" "$((CP2 - CP0))")")

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
    if [[ ${SKIP_NFACCTD:-0} != 1 ]]; then
        log "nfacctd + PostgreSQL: $RATE flows/s offered for $STEP_SECONDS s"
        read -r _ PM_GOT PM_ROWCOUNT PM_CPU PM_PG_CPU PM_RATE <<<"$(nfacctd_step "$RATE")"
        PM_ROWS+=("$(printf '%9s %24s %10s %10s %6s%% %6s%%' "$RATE" "$PM_GOT" "$PM_ROWCOUNT" "$PM_RATE" "$PM_CPU" "$PM_PG_CPU")")
    fi
    LOSS=$((SENT - GOT))
    ROWS+=("$(printf '%9s %11.0f %9s %11.0f %9s %7.2f%% %6.0f%% %7s %8s | %9s %24s %6s%% | %5s' \
        "$RATE" "$GEN_RATE" "$GOT" "$STORED_RATE" "$LOSS" "$(echo "100 * $LOSS / $SENT" | bc -l)" "$CPU" "$RSS" \
        "$( [[ $LATENCY == - ]] && echo - || printf '%.1f s' "$LATENCY")" "$NF_RATE" "$NF_GOT" "$NF_CPU" "$RATIO")")
done

# OUTAGE_SECONDS=30: one more FlowViz step at OUTAGE_RATE (default: the last of RATES) lasting OUTAGE_SECONDS + 20 s,
# during which its PostgreSQL is stopped (pg_ctl stop -m fast) 10 s in and started again OUTAGE_SECONDS later;
# then every sent flow must be stored once and the spool must empty.
OUTAGE_LINE=""
if [[ -n ${OUTAGE_SECONDS:-} ]]; then
    OUTAGE_RATE=${OUTAGE_RATE:-${RATES##* }}
    PG_DATA=$(dirname "$(find "$TMP/data" -name postmaster.pid -print -quit)")
    pg_ctl_as_owner() { if [[ $(id -u) == 0 ]]; then (cd / && runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_ctl "$@"); else /usr/lib/postgresql/15/bin/pg_ctl "$@"; fi; }
    log "outage: $OUTAGE_RATE flows/s for $((OUTAGE_SECONDS + 20)) s, PostgreSQL stopped for $OUTAGE_SECONDS s of it"
    read -r K0 R0 Q0 SP0 L0 <<<"$(counters)"; RP0=$(metric flowviz_collector_flows_replayed_total)
    BEFORE=$(stored); GEN_START=$(date +%s)
    STEP_SECONDS_SAVED=$STEP_SECONDS; STEP_SECONDS=$((OUTAGE_SECONDS + 20))
    generate "$OUTAGE_RATE" "$FV_PORT" "$TMP/gen-outage.json" & GEN=$!
    sleep 10
    pg_ctl_as_owner -D "$PG_DATA" -m fast -w stop >/dev/null; DOWN_AT=$(now)
    SPOOL_PEAK=0
    while (( $(echo "$(now) - $DOWN_AT < $OUTAGE_SECONDS" | bc -l) )); do
        B=$(metric flowviz_collector_spool_bytes); (( B > SPOOL_PEAK )) && SPOOL_PEAK=$B; sleep 1
    done
    pg_ctl_as_owner -D "$PG_DATA" -l "$PG_DATA/../postgres.log" -w -t 60 start >/dev/null; UP_AT=$(now)
    wait "$GEN"; T1=$(now); STEP_SECONDS=$STEP_SECONDS_SAVED
    SENT=$(json_field "$TMP/gen-outage.json" flows)
    DRAINED="-"
    while (( $(echo "$(now) - $T1 < ${OUTAGE_DRAIN_SECONDS:-600}" | bc -l) )); do
        COUNT=$(stored); B=$(metric flowviz_collector_spool_bytes); (( B > SPOOL_PEAK )) && SPOOL_PEAK=$B
        if (( COUNT - BEFORE >= SENT )) && (( B == 0 )); then DRAINED=$(printf '%.1f s' "$(echo "$(now) - $UP_AT" | bc -l)"); break; fi
        sleep 1
    done
    GOT=$(( $(stored) - BEFORE ))
    # No duplicate check by content: the generator repeats flow keys. Instead: stored + flows dropped (counted) = sent.
    read -r K1 R1 Q1 SP1 L1 <<<"$(counters)"; RP1=$(metric flowviz_collector_flows_replayed_total)
    OUTAGE_LINE=$(printf '%9s %6ss %10s %10s %9s %9s %10s %10s %10s %8s %8s %12s' "$OUTAGE_RATE" "$OUTAGE_SECONDS" \
        "$(printf '%.0f' "$(json_field "$TMP/gen-outage.json" flowsPerSecond)")" "$SENT" "$GOT" "$((SENT - GOT))" "$((SP1 - SP0))" \
        "$((RP1 - RP0))" "$((SPOOL_PEAK / 1048576))" "$((K1 - K0))" "$((Q1 - Q0))" "$DRAINED")
fi

echo
echo "FlowViz ingest benchmark: $PROTOCOL, $EXPORTERS exporters, $STEP_SECONDS s per step, ${DATAGRAM_SIZE}-byte datagrams, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%9s %11s %9s %11s %9s %8s %7s %7s %8s | %9s %24s %7s | %5s\n' \
    offered/s generated/s stored stored/s lost loss cpu rss_MiB latency nfcapd/s "nfcapd stored/sent" cpu ratio
printf '%s\n' "${ROWS[@]}"
echo "ratio = FlowViz stored fraction / nfcapd stored fraction; cpu = % of one core; rss = FlowViz peak (VmHWM) so far"
echo
echo "CPU split during each FlowViz step (% of one core; FlowViz and PostgreSQL over send + drain, generator over the send):"
echo "(us/fl = CPU microseconds per stored flow; ceiling = cores / their sum: the flows/s these costs would allow on this machine's cores)"
echo "(wal_B/fl = WAL bytes per stored flow; fpi = full-page images written; ckpt = checkpoints during the step)"
printf '%9s %9s %9s %9s %10s | %8s %8s %8s %8s | %7s %6s %5s\n' offered/s flowviz postgres generator pg_pss_MiB fv_us/fl pg_us/fl gen_us/fl ceiling wal_B/fl fpi ckpt
printf '%s\n' "${SPLIT[@]}"
if (( ${#PM_ROWS[@]} > 0 )); then
    echo
    echo "pmacct nfacctd, PostgreSQL plugin (COPY, insert-only), same offered streams; rows = its aggregates:"
    printf '%9s %24s %10s %10s %7s %7s\n' offered/s "rows/sent flows" rows rows/s cpu pg_cpu
    printf '%s\n' "${PM_ROWS[@]}"
    echo "cpu = nfacctd and its plugin processes. No ratio: the generator repeats flow keys, so nfacctd's rows are fewer than the flows it accounted"
fi
if [[ -n $OUTAGE_LINE ]]; then
    echo
    echo "Database outage under load (flows; spool peak in MiB; kernel/queue drops in datagrams; drained = from restart until stored = sent and spool empty):"
    printf '%9s %7s %10s %10s %9s %9s %10s %10s %10s %8s %8s %12s\n' offered/s outage generated/s sent stored lost spooled \
        replayed spool_MiB kernel queue drained
    echo "$OUTAGE_LINE"
fi
echo
echo "Where FlowViz's losses happened (per step; datagrams except the last two columns, which are flows):"
printf '%9s %12s %12s %12s %12s %12s %12s\n' offered/s sent received kernel_drops queue_drops flows_spooled flows_lost
printf '%s\n' "${WHERE[@]}"
