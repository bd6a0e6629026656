#!/bin/sh
# Regenerates the dense benchmark datagrams: softflowd 1.1.0 (Debian 12) reads 120 IPv4-only flows
# (make_ipv4_pcap.py) and exports them as NetFlow v9 and IPFIX to 127.0.0.1, where tcpdump records
# them; each UDP payload becomes softflowd-ipv4-vV-N.bin. Run as root from this directory. See ../README.md.
set -eu
trap '[ -n "${tcpdump_pid:-}" ] && kill "$tcpdump_pid" 2>/dev/null; true' EXIT
WORK=$(mktemp -d)
python3 -B make_ipv4_pcap.py "$WORK/ipv4.pcap" 120
for v in 9 10; do
    port=$((29790 + v))
    tcpdump -i lo -U -w "$WORK/v$v.pcap" "udp and dst port $port" >/dev/null 2>&1 &
    tcpdump_pid=$!
    sleep 2
    (cd "$WORK" && softflowd -r ipv4.pcap -a -m 1000000 -n "127.0.0.1:$port" -v "$v" -d >/dev/null 2>&1)
    sleep 1
    kill "$tcpdump_pid"; wait "$tcpdump_pid" || true
    tcpdump_pid=
    i=0
    # -E occurrence=f: only the outer UDP payload (a dissector may find more udp.payload fields inside).
    tshark -r "$WORK/v$v.pcap" -T fields -E occurrence=f -e udp.payload | while read -r hex; do
        i=$((i + 1))
        echo "$hex" | xxd -r -p > "softflowd-ipv4-v$v-$i.bin"
    done
done
rm -r "$WORK"
