#!/usr/bin/env python3
"""Writes traffic.pcap: crafted TCP/UDP/ICMP packets over IPv4 and IPv6 with fixed timestamps.

The pcap is the input softflowd turns into the NetFlow v5/v9 fixtures (see README.md). Only the
standard library is used (no scapy): the pcap and packet formats are written by hand with struct.
Usage: python3 make_traffic_pcap.py [output.pcap] [--bulk N]
With --bulk N it writes N short UDP flows instead (N/2 over IPv4, N/2 over IPv6, one packet each,
10 ms apart), enough to make softflowd send several export datagrams.
"""
import struct
import sys

BASE = 1_700_000_000  # 2023-11-14T22:13:20Z, fixed so the fixtures are reproducible
SRC_MAC = bytes.fromhex("020000000001")
DST_MAC = bytes.fromhex("020000000002")


def checksum(data: bytes) -> int:
    if len(data) % 2:
        data += b"\0"
    total = sum(struct.unpack(f"!{len(data) // 2}H", data))
    while total >> 16:
        total = (total & 0xFFFF) + (total >> 16)
    return ~total & 0xFFFF


def ip4(text: str) -> bytes:
    return bytes(int(part) for part in text.split("."))


def ip6(text: str) -> bytes:
    import ipaddress
    return ipaddress.IPv6Address(text).packed


def tcp(sport, dport, flags, payload=b"", seq=1000, ack=0):
    return struct.pack("!HHIIBBHHH", sport, dport, seq, ack, 5 << 4, flags, 65535, 0, 0) + payload


def udp(sport, dport, payload):
    return struct.pack("!HHHH", sport, dport, 8 + len(payload), 0) + payload


def icmp(kind, code, payload):
    body = struct.pack("!BBHHH", kind, code, 0, 1, 1) + payload
    return body[:2] + struct.pack("!H", checksum(body)) + body[4:]


def ipv4(src, dst, proto, l4, tos=0, ttl=64):
    header = struct.pack("!BBHHHBBH4s4s", 0x45, tos, 20 + len(l4), 1, 0, ttl, proto, 0, ip4(src), ip4(dst))
    header = header[:10] + struct.pack("!H", checksum(header)) + header[12:]
    return DST_MAC + SRC_MAC + b"\x08\x00" + header + l4


def ipv6(src, dst, next_header, l4, traffic_class=0):
    first = (6 << 28) | (traffic_class << 20)
    header = struct.pack("!IHBB16s16s", first, len(l4), next_header, 64, ip6(src), ip6(dst))
    return DST_MAC + SRC_MAC + b"\x86\xdd" + header + l4


SYN, FIN, PSH, ACK = 0x02, 0x01, 0x08, 0x10

# (milliseconds after BASE, frame)
PACKETS = [
    # IPv4 TCP: a short HTTP exchange, 192.0.2.10:40000 -> 198.51.100.20:80 and back
    (0, ipv4("192.0.2.10", "198.51.100.20", 6, tcp(40000, 80, SYN))),
    (12, ipv4("198.51.100.20", "192.0.2.10", 6, tcp(80, 40000, SYN | ACK))),
    (25, ipv4("192.0.2.10", "198.51.100.20", 6, tcp(40000, 80, ACK))),
    (30, ipv4("192.0.2.10", "198.51.100.20", 6, tcp(40000, 80, PSH | ACK, b"GET / HTTP/1.0\r\n\r\n"))),
    (45, ipv4("198.51.100.20", "192.0.2.10", 6, tcp(80, 40000, PSH | ACK, b"H" * 1000))),
    (60, ipv4("192.0.2.10", "198.51.100.20", 6, tcp(40000, 80, FIN | ACK))),
    (75, ipv4("198.51.100.20", "192.0.2.10", 6, tcp(80, 40000, FIN | ACK))),
    # IPv4 UDP: a DNS query and answer, with a DSCP value on the query
    (100, ipv4("192.0.2.10", "203.0.113.53", 17, udp(53000, 53, b"q" * 30), tos=0xB8)),
    (140, ipv4("203.0.113.53", "192.0.2.10", 17, udp(53, 53000, b"a" * 90))),
    # IPv4 ICMP: echo request and reply (type 8/0)
    (200, ipv4("192.0.2.10", "198.51.100.1", 1, icmp(8, 0, b"p" * 56))),
    (1200, ipv4("192.0.2.10", "198.51.100.1", 1, icmp(8, 0, b"p" * 56))),
    (210, ipv4("198.51.100.1", "192.0.2.10", 1, icmp(0, 0, b"p" * 56))),
    # IPv6 TCP: 2001:db8::10:50000 -> 2001:db8:1::443:443
    (300, ipv6("2001:db8::10", "2001:db8:1::443", 6, tcp(50000, 443, SYN))),
    (320, ipv6("2001:db8:1::443", "2001:db8::10", 6, tcp(443, 50000, SYN | ACK))),
    (340, ipv6("2001:db8::10", "2001:db8:1::443", 6, tcp(50000, 443, ACK, b"t" * 500))),
    # IPv6 UDP with a traffic class
    (400, ipv6("2001:db8::10", "2001:db8:2::53", 17, udp(53001, 53, b"q" * 40), traffic_class=0x28)),
    # ICMPv6 echo request (type 128)
    (500, ipv6("2001:db8::10", "2001:db8:1::443", 58, icmp(128, 0, b"p" * 32))),
]


def bulk(count: int):
    packets = []
    for i in range(count):
        payload = b"b" * (10 + i)
        if i % 2 == 0:
            frame = ipv4(f"10.0.{i // 200}.{i % 200 + 1}", "192.0.2.200", 17, udp(10000 + i, 5000, payload))
        else:
            frame = ipv6(f"2001:db8:10::{i:x}", "2001:db8:20::1", 17, udp(10000 + i, 5000, payload))
        packets.append((i * 10, frame))
    return packets


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    path = args[0] if args else "traffic.pcap"
    packets = bulk(int(sys.argv[sys.argv.index("--bulk") + 1])) if "--bulk" in sys.argv else PACKETS
    with open(path, "wb") as out:
        # pcap global header: magic, v2.4, thiszone 0, sigfigs 0, snaplen 65535, LINKTYPE_ETHERNET
        out.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
        for offset_ms, frame in sorted(packets, key=lambda p: p[0]):
            seconds, millis = divmod(offset_ms, 1000)
            out.write(struct.pack("<IIII", BASE + seconds, millis * 1000, len(frame), len(frame)))
            out.write(frame)


if __name__ == "__main__":
    main()
