#!/bin/sh
# Regenerates the softflowd fixtures: crafts the input pcaps, replays them through softflowd
# (NetFlow v5 and v9) while tcpdump records what it sends on lo, and stores each UDP payload
# as a .bin file. Run as root from this directory. See README.md.
set -eu
trap '[ -n "${tcpdump_pid:-}" ] && kill "$tcpdump_pid" 2>/dev/null; true' EXIT
WORK=$(mktemp -d)
python3 make_traffic_pcap.py "$WORK/mixed.pcap"
python3 make_traffic_pcap.py "$WORK/bulk.pcap" --bulk 80
mkdir -p captures netflow5 netflow9

capture() { # name input version port
    tcpdump -i lo -U -w "captures/$1-v$3.pcap" "udp and dst port $4" >/dev/null 2>&1 &
    tcpdump_pid=$!
    sleep 2
    # relative input name: softflowd exports it as IF_NAME in its options record
    (cd "$WORK" && softflowd -r "$2" -a -m 1000000 -n "127.0.0.1:$4" -v "$3" -d >/dev/null 2>&1)
    sleep 1
    kill "$tcpdump_pid"; wait "$tcpdump_pid" || true
    i=0
    tshark -r "captures/$1-v$3.pcap" -T fields -e udp.payload | while read -r hex; do
        i=$((i + 1))
        echo "$hex" | xxd -r -p > "netflow$3/$1-$i.bin"
    done
}

capture softflowd-mixed mixed.pcap 5 29995
capture softflowd-mixed mixed.pcap 9 29999
capture softflowd-bulk bulk.pcap 5 29985
capture softflowd-bulk bulk.pcap 9 29989
rm -r "$WORK"
