#!/bin/sh
# Prints record, byte and packet totals of each fixture capture as tshark and nfdump decode them.
# tshark reads captures/*.pcap; nfdump reads what nfcapd stored after the .bin payloads were sent to it
# on 127.0.0.1. Run as root from this directory. See README.md for the numbers and how they compare.
set -eu

tshark_totals() { # capture port
    tshark -r "$1" -d "udp.port==$2,cflow" -T fields -e cflow.octets -e cflow.packets 2>/dev/null |
        awk -F'\t' '{ n = split($1, o, ","); split($2, p, ","); if ($1 == "") n = 0
                      for (i = 1; i <= n; i++) { b += o[i]; k += p[i] }; r += n }
                    END { printf "tshark: records=%d bytes=%d packets=%d\n", r, b, k }'
}

nfdump_totals() { # fixture prefix, e.g. netflow9/softflowd-bulk
    dir=$(mktemp -d)
    nfcapd -w "$dir" -p 29917 -b 127.0.0.1 >/dev/null 2>&1 &
    nfcapd_pid=$!
    sleep 1.5
    python3 -c 'import glob, socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
for f in sorted(glob.glob(sys.argv[1] + "-*.bin")): s.sendto(open(f, "rb").read(), ("127.0.0.1", 29917))' "$1"
    sleep 1
    kill -TERM "$nfcapd_pid"; wait "$nfcapd_pid" || true
    nfdump -R "$dir" -q -N -o "fmt:%byt %pkt" |
        awk '{ b += $1; k += $2; r++ } END { printf "nfdump: records=%d bytes=%d packets=%d\n", r, b, k }'
    rm -r "$dir"
}

for f in softflowd-mixed:5:29995 softflowd-mixed:9:29999 softflowd-bulk:5:29985 softflowd-bulk:9:29989 \
    pmacct-sampled-bulk:9:29914 softflowd-mixed:10:29910 softflowd-milli-mixed:10:29911 softflowd-bulk:10:29912 \
    pmacct-mixed:10:29913; do
    name=${f%%:*}; rest=${f#*:}; version=${rest%%:*}; port=${rest#*:}
    dir=netflow$version; [ "$version" = 10 ] && dir=ipfix
    echo "== $dir/$name"
    tshark_totals "captures/$name-v$version.pcap" "$port"
    nfdump_totals "$dir/$name"
done

# ---- sFlow v5 (pmacct sfprobe fixtures; see README.md, "sFlow v5") -----------------------------------
# tshark: flow samples, summed frame_length, frame_length × sampling rate, counter samples, from
# captures/pmacct-*.pcap. nfdump: what sfcapd 1.7.1 (Debian nfdump-sflow) stored after the .bin files
# were sent to it; nfdump scales bytes and packets by the sampling rate.
sflow_tshark_totals() { # capture port [display filter: the datagrams kept as .bin files]
    tshark -r "$1" -d "udp.port==$2,sflow" -Y "${3:-sflow}" -T fields -e sflow.flow_sample.sampling_rate \
        -e sflow_245.header.frame_length -e sflow.counters_sample.sequence_number 2>/dev/null |
        awk -F'\t' '{ n = split($1, r, ","); split($2, l, ","); if ($1 == "") n = 0
                      for (i = 1; i <= n; i++) { b += l[i]; s += l[i] * r[i] }; f += n
                      if ($3 != "") c += split($3, x, ",") }
                    END { printf "tshark: flow_samples=%d frame_bytes=%d scaled_bytes=%d counter_samples=%d\n", f, b, s, c }'
}

sflow_nfdump_totals() { # fixture prefix, e.g. sflow/pmacct-bulk
    dir=$(mktemp -d)
    sfcapd -w "$dir" -p 29971 -b 127.0.0.1 >/dev/null 2>&1 &
    sfcapd_pid=$!
    sleep 1.5
    python3 -c 'import glob, re, socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
for f in sorted(glob.glob(sys.argv[1] + "-*.bin")):
    if re.fullmatch(re.escape(sys.argv[1]) + r"-\d+\.bin", f):  # pmacct-bulk-N, not pmacct-bulk-rate4-N
        s.sendto(open(f, "rb").read(), ("127.0.0.1", 29971))' "$1"
    sleep 1
    kill -TERM "$sfcapd_pid"; wait "$sfcapd_pid" || true
    nfdump -R "$dir" -q -N -o "fmt:%byt %pkt" |
        awk '{ b += $1; k += $2; r++ } END { printf "nfdump: records=%d scaled_bytes=%d scaled_packets=%d\n", r, b, k }'
    rm -r "$dir"
}

for f in pmacct-mixed:29963 pmacct-bulk:29973 pmacct-bulk-rate4:29974 pmacct-tagged:29965 pmacct-counters:29964; do
    name=${f%%:*}; port=${f#*:}
    echo "== sflow/$name"
    filter=sflow
    [ "$name" = pmacct-counters ] && filter=sflow.counters_sample.sequence_number
    sflow_tshark_totals "captures/$name.pcap" "$port" "$filter"
    sflow_nfdump_totals "sflow/$name"
done
