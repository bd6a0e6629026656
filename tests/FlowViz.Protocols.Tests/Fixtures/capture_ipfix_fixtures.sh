#!/bin/sh
# Regenerates the IPFIX fixtures and the pmacct v9 fixture from real exporters: softflowd -v 10
# (default and -A milli timestamps) and pmacct's pmacctd + nfprobe plugin (IPFIX, and v9 with a
# sampling rate so its options data carries the sampler), each reading the crafted input pcaps while
# tcpdump records what it sends on lo. Run as root from this directory. See README.md.
set -eu
trap '[ -n "${tcpdump_pid:-}" ] && kill "$tcpdump_pid" 2>/dev/null; true' EXIT
WORK=$(mktemp -d)
python3 make_traffic_pcap.py "$WORK/mixed.pcap"
python3 make_traffic_pcap.py "$WORK/bulk.pcap" --bulk 80
mkdir -p captures ipfix netflow9

record() { # capture-name port command...
    rec_name=$1; rec_port=$2; shift 2
    tcpdump -i lo -U -w "captures/$rec_name.pcap" "udp and dst port $rec_port" >/dev/null 2>&1 &
    tcpdump_pid=$!
    sleep 2
    (cd "$WORK" && "$@" >/dev/null 2>&1) || true
    sleep 2
    kill "$tcpdump_pid"; wait "$tcpdump_pid" || true
    tcpdump_pid=
}

split() { # capture-name output-prefix
    i=0
    tshark -r "captures/$1.pcap" -T fields -e udp.payload | while read -r hex; do
        i=$((i + 1))
        echo "$hex" | xxd -r -p > "$2-$i.bin"
    done
}

pmacct_conf() { # input version port [sampling rate]
    cat <<CONF
daemonize: false
pcap_savefile: $1
plugins: nfprobe
nfprobe_receiver: 127.0.0.1:$3
nfprobe_version: $2
nfprobe_timeouts: maxlife=3600:general=3600
aggregate: src_host, dst_host, src_port, dst_port, proto, tos
CONF
    [ -n "${4:-}" ] && printf 'sampling_rate: %s\n' "$4"
    true
}

softflowd_ipfix() { # name input port extra-args...
    name=$1; input=$2; port=$3; shift 3
    record "$name-v10" "$port" softflowd -r "$input" -a -m 1000000 -n "127.0.0.1:$port" -v 10 -d "$@"
    split "$name-v10" "ipfix/$name"
}

pmacct() { # name input version port out-dir [sampling rate]
    pmacct_conf "$WORK/$2" "$3" "$4" "${6:-}" > "$WORK/$1.conf"
    record "$1-v$3" "$4" timeout 20 pmacctd -f "$WORK/$1.conf"
    split "$1-v$3" "$5/$1"
}

softflowd_ipfix softflowd-mixed mixed.pcap 29910
softflowd_ipfix softflowd-milli-mixed mixed.pcap 29911 -A milli
softflowd_ipfix softflowd-bulk bulk.pcap 29912
pmacct pmacct-mixed mixed.pcap 10 29913 ipfix
pmacct pmacct-sampled-bulk bulk.pcap 9 29914 netflow9 2
rm -r "$WORK"
