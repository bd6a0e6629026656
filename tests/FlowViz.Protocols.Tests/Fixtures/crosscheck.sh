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
