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

# ---- sFlow v5: pmacct's pmacctd with the sfprobe plugin (see README.md, "sFlow v5") ----------------
# pmacctd reads the same input pcaps and sends sFlow v5 to 127.0.0.1; its agent address is set to
# 192.0.2.1 so the decoded Exporter (the agent address) differs from the datagram's source.
SFLOW_WORK=$(mktemp -d)
python3 make_traffic_pcap.py "$SFLOW_WORK/mixed.pcap"
python3 make_traffic_pcap.py "$SFLOW_WORK/bulk.pcap" --bulk 80
python3 -B make_tagged_pcap.py "$SFLOW_WORK/tagged.pcap"
mkdir -p captures sflow

sfprobe_capture() { # name input sampling-rate port [extra pmacctd config lines] [tshark display filter]
    printf 'daemonize: false\npcap_savefile: %s\nplugins: sfprobe\nsfprobe_receiver: 127.0.0.1:%s\nsfprobe_agentip: 192.0.2.1\nsampling_rate: %s\n%b' \
        "$SFLOW_WORK/$2" "$4" "$3" "${5:-}" > "$SFLOW_WORK/$1.conf"
    tcpdump -i lo -U -w "captures/$1.pcap" "udp and dst port $4" >/dev/null 2>&1 &
    tcpdump_pid=$!
    sleep 2
    # pmacctd exits once the file is read (and all replays are done); timeout guards a hang.
    timeout 90 pmacctd -f "$SFLOW_WORK/$1.conf" >/dev/null 2>&1 || true
    sleep 1
    kill "$tcpdump_pid"; wait "$tcpdump_pid" || true
    i=0
    # -E occurrence=f: only the outer UDP payload. With the sFlow dissector on, each sampled UDP packet adds
    # its own udp.payload field, which xxd would append to the datagram (the first committed .bin files had them).
    tshark -r "captures/$1.pcap" -d "udp.port==$4,sflow" -Y "${6:-sflow}" -T fields -E occurrence=f -e udp.payload | while read -r hex; do
        i=$((i + 1))
        echo "$hex" | xxd -r -p > "sflow/$1-$i.bin"
    done
}

sfprobe_capture pmacct-mixed mixed.pcap 1 29963
sfprobe_capture pmacct-bulk bulk.pcap 1 29973
sfprobe_capture pmacct-bulk-rate4 bulk.pcap 4 29974
sfprobe_capture pmacct-tagged tagged.pcap 1 29965
# Counter samples: sfprobe sends interface counters only every ~20 s of agent uptime, so the input is
# replayed with a pause until one is sent; only datagrams holding a counter sample are kept.
sfprobe_capture pmacct-counters mixed.pcap 1 29964 'pcap_savefile_replay: 4\npcap_savefile_delay: 12\n' \
    sflow.counters_sample.sequence_number
rm -r "$SFLOW_WORK"
