#!/usr/bin/env python3
"""Writes N one-packet IPv4 flows (2 of 3 UDP, 1 of 3 TCP), 10 ms apart, with the fixed timestamps and
frame builders of the protocol fixtures' make_traffic_pcap.py. IPv4 only, so softflowd packs its records
into one Data (Flow)Set per datagram, as routers do, instead of alternating IPv4 and IPv6 sets.
Usage: python3 make_ipv4_pcap.py OUTPUT.pcap N
"""
import os
import struct
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../FlowViz.Protocols.Tests/Fixtures"))
import make_traffic_pcap as m  # noqa: E402


def main() -> None:
    path, count = sys.argv[1], int(sys.argv[2])
    with open(path, "wb") as out:
        out.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
        for i in range(count):
            payload = b"b" * (10 + i % 90)
            l4 = m.tcp(10000 + i, 443, m.ACK, payload) if i % 3 == 0 else m.udp(10000 + i, 5000, payload)
            frame = m.ipv4(f"10.0.{i // 200}.{i % 200 + 1}", "192.0.2.200", 6 if i % 3 == 0 else 17, l4)
            seconds, millis = divmod(i * 10, 1000)
            out.write(struct.pack("<IIII", m.BASE + seconds, millis * 1000, len(frame), len(frame)))
            out.write(frame)


if __name__ == "__main__":
    main()
