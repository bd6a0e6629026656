#!/usr/bin/env python3
"""Writes tagged.pcap: frames with 802.1Q, QinQ and MPLS encapsulations, for the sFlow fixtures.

sFlow agents copy the first bytes of each sampled frame, tags and labels included, so this input lets
a real exporter (pmacct's sfprobe) produce raw packet headers that exercise FlowViz's VLAN and MPLS
parsing. Reuses the packet builders of make_traffic_pcap.py; fixed timestamps, reproducible output.
Usage: python3 make_tagged_pcap.py [output.pcap]
"""
import struct
import sys

from make_traffic_pcap import BASE, icmp, ipv4, ipv6, tcp, udp, SYN, ACK


def tagged(frame: bytes, *tags: tuple) -> bytes:
    """Inserts (TPID, VID) tags after the MAC addresses; the original EtherType follows the last tag."""
    inserted = b"".join(struct.pack("!HH", tpid, vid) for tpid, vid in tags)
    return frame[:12] + inserted + frame[12:]


def mpls(frame: bytes, *labels: int) -> bytes:
    """Replaces the EtherType with 0x8847 and pushes a label stack (RFC 3032), bottom of stack last."""
    entries = b"".join(struct.pack("!I", label << 12 | (0x100 if i == len(labels) - 1 else 0) | 64)
                       for i, label in enumerate(labels))
    return frame[:12] + b"\x88\x47" + entries + frame[14:]


PACKETS = [
    (0, tagged(ipv4("192.0.2.10", "198.51.100.20", 6, tcp(40000, 80, SYN)), (0x8100, 100))),
    (10, tagged(ipv4("10.1.0.1", "10.2.0.1", 17, udp(5000, 53, b"q" * 20), tos=0x20), (0x88A8, 300), (0x8100, 42))),
    (20, mpls(ipv4("198.51.100.1", "203.0.113.9", 6, tcp(33000, 22, SYN | ACK, b"s" * 100)), 16001, 24)),
    (30, tagged(ipv6("2001:db8::10", "2001:db8:2::53", 17, udp(53001, 53, b"q" * 40), traffic_class=0x28), (0x8100, 200))),
    (40, mpls(ipv6("2001:db8::10", "2001:db8:1::443", 6, tcp(50000, 443, ACK, b"t" * 200)), 777)),
    (50, tagged(ipv4("192.0.2.10", "198.51.100.1", 1, icmp(8, 0, b"p" * 56)), (0x8100, 100))),
]


def main() -> None:
    path = sys.argv[1] if len(sys.argv) > 1 else "tagged.pcap"
    with open(path, "wb") as out:
        out.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
        for offset_ms, frame in PACKETS:
            seconds, millis = divmod(offset_ms, 1000)
            out.write(struct.pack("<IIII", BASE + seconds, millis * 1000, len(frame), len(frame)))
            out.write(frame)


if __name__ == "__main__":
    main()
