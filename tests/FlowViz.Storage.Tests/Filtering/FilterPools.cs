using System.Net;
using CsCheck;
using FlowViz.Core.Filtering;

namespace FlowViz.Storage.Tests.Filtering;

/// <summary>Value pools shared by the stored flows and the random filters, and the filter generator over them.</summary>
public static class FilterPools
{
    public static readonly string[] IPv4Addresses = ["10.0.0.1", "10.0.0.2", "10.0.1.7", "192.0.2.1", "192.0.2.200", "203.0.113.9"];
    public static readonly string[] IPv6Addresses = ["2001:db8::1", "2001:db8::2", "2001:db8:1::7", "fd00::1"];
    public static readonly string[] Exporters = ["198.51.100.1", "198.51.100.2", "2001:db8:ffff::1"];
    public static readonly ulong[] Ports = [0, 22, 53, 80, 443, 1024, 8080, 50_000, 65_535];
    public static readonly ulong[] Protocols = [1, 6, 17, 58];
    public static readonly ulong[] Tos = [0, 46, 184];
    public static readonly ulong[] Interfaces = [0, 1, 2, 3, 4_294_967_295];
    public static readonly ulong[] AsNumbers = [0, 64_496, 64_511, 4_294_967_295];
    public static readonly ulong[] Vlans = [0, 10, 4_095];
    public static readonly ulong[] Counts = [40, 1_000, 1_500, 65_535];

    private static readonly Gen<FilterSide> Side = Gen.Enum<FilterSide>();

    private static readonly Gen<IPNetwork> Network = Gen.Select(
        Gen.OneOf<string>([.. IPv4Addresses, .. IPv6Addresses, .. Exporters]),
        Gen.Int[0, 128],
        (text, length) => Masked(IPAddress.Parse(text), length));

    public static readonly Gen<FilterExpression> Predicate = Gen.OneOf<FilterExpression>(
        Gen.Select(Side, Network, (side, network) => (FilterExpression)new AddressFilter(side, network)),
        Network.Select(network => (FilterExpression)new ExporterFilter(network)),
        Gen.OneOf(Protocols).Select(p => (FilterExpression)new ProtocolFilter((byte)p)),
        Number(NumberSubject.Port, Ports),
        Number(NumberSubject.As, AsNumbers),
        Number(NumberSubject.OriginAs, AsNumbers),
        Gen.Int[1, 4].Select(direction => (FilterExpression)new DirectionFilter((FlowViz.Core.Flows.TrafficDirection)direction)),
        Number(NumberSubject.Interface, Interfaces),
        Number(NumberSubject.Vlan, Vlans),
        Number(NumberSubject.Tos, Tos),
        Number(NumberSubject.Bytes, [.. Counts, 0, 40_000, 1_000_000]),
        Number(NumberSubject.Packets, [1, 10, 100, 199]),
        Gen.Byte[1, 255].Select(flags => (FilterExpression)new TcpFlagsFilter(flags)));

    public static readonly Gen<FilterExpression> Expression = Build(depth: 3);

    private static Gen<FilterExpression> Number(NumberSubject subject, ulong[] values) =>
        Gen.Select(Side, Gen.Enum<FilterComparison>(), Gen.OneOf(values), (side, comparison, value) =>
            (FilterExpression)new NumberFilter(
                subject, subject is NumberSubject.Bytes or NumberSubject.Packets or NumberSubject.Tos or NumberSubject.OriginAs ? FilterSide.Either : side, comparison, value));

    private static Gen<FilterExpression> Build(int depth)
    {
        var expression = Predicate;
        for (var level = 0; level < depth; level++)
        {
            var inner = expression;
            expression = Gen.Frequency<FilterExpression>(
                (3, Predicate),
                (2, Gen.Select(inner, inner, (left, right) => (FilterExpression)new AndFilter(left, right))),
                (2, Gen.Select(inner, inner, (left, right) => (FilterExpression)new OrFilter(left, right))),
                (2, inner.Select(operand => (FilterExpression)new NotFilter(operand))));
        }
        return expression;
    }

    private static IPNetwork Masked(IPAddress address, int length)
    {
        var bytes = address.GetAddressBytes();
        length = Math.Min(length, bytes.Length * 8);
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] &= (byte)(0xFF00 >> Math.Clamp(length - i * 8, 0, 8));
        }
        return new IPNetwork(new IPAddress(bytes), length);
    }
}
