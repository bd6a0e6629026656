using System.Net;
using CsCheck;
using FlowViz.Core.Filtering;

namespace FlowViz.Core.Tests.Filtering;

/// <summary>
/// Random filter trees in canonical form (valid values, normalised labels, no IPv4-mapped IPv6), so that
/// printing and parsing one gives it back exactly.
/// </summary>
public static class FilterGen
{
    private static readonly Gen<FilterSide> Side = Gen.Enum<FilterSide>();

    public static readonly Gen<IPAddress> Address = Gen.OneOf(
        Gen.UInt.Select(value => new IPAddress(BitConverter.GetBytes(value))),
        Gen.Select(Gen.ULong, Gen.ULong, (high, low) => new IPAddress([.. BitConverter.GetBytes(high), .. BitConverter.GetBytes(low)])))
        .Where(address => !address.IsIPv4MappedToIPv6);

    public static readonly Gen<IPNetwork> Network = Gen.Select(Address, Gen.Int[0, 128], (address, length) =>
    {
        var max = address.GetAddressBytes().Length * 8;
        return Masked(address, Math.Min(length, max));
    });

    public static readonly Gen<FilterExpression> Predicate = Gen.OneOf<FilterExpression>(
        Gen.Select(Side, Network, (side, network) => (FilterExpression)new AddressFilter(side, network)),
        Network.Select(network => (FilterExpression)new ExporterFilter(network)),
        Gen.Byte.Select(protocol => (FilterExpression)new ProtocolFilter(protocol)),
        Number(),
        Gen.Byte[1, 255].Select(flags => (FilterExpression)new TcpFlagsFilter(flags)),
        Label(),
        Gen.Int[1, 4].Select(direction => (FilterExpression)new DirectionFilter((FlowViz.Core.Flows.TrafficDirection)direction)));

    public static readonly Gen<FilterExpression> Expression = Build(depth: 4);

    /// <summary>Strings made mostly of the language's own characters, to reach deep into the parser.</summary>
    public static readonly Gen<string> Garbage = Gen.OneOf(
        Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789 ()[]<>=!&|,./:'\"-_%\t"].Array[0, 60].Select(chars => new string(chars)),
        Gen.Select(Expression, Gen.Int[0, 200], Gen.Char, (filter, at, c) =>
        {
            var text = filter.ToString();
            var i = at % (text.Length + 1);
            return text[..i] + c + text[i..];
        }),
        Gen.String);

    private static Gen<FilterExpression> Number() =>
        Gen.Select(Gen.Enum<NumberSubject>(), Side, Gen.Enum<FilterComparison>(), Gen.ULong, (subject, side, comparison, value) =>
            (FilterExpression)new NumberFilter(
                subject,
                subject is NumberSubject.Bytes or NumberSubject.Packets or NumberSubject.Tos or NumberSubject.OriginAs ? FilterSide.Either : side,
                comparison,
                value % (FilterValues.MaxOf(subject) + 1)));

    private static Gen<FilterExpression> Label() =>
        Gen.Select(Gen.Enum<LabelSubject>(), Side, Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789-_."].Array[1, 12], (subject, side, chars) =>
        {
            var value = subject switch
            {
                LabelSubject.Country => new string([(char)('A' + chars[0] % 26), (char)('A' + chars[^1] % 26)]),
                LabelSubject.Boundary => chars[0] % 2 == 0 ? "external" : "internal",
                _ => new string(chars),
            };
            return (FilterExpression)new LabelFilter(subject, subject == LabelSubject.Country ? side : FilterSide.Either, value);
        });

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
                (1, inner.Select(operand => (FilterExpression)new NotFilter(operand))));
        }
        return expression;
    }

    private static IPNetwork Masked(IPAddress address, int length)
    {
        var bytes = address.GetAddressBytes();
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] &= (byte)(0xFF00 >> Math.Clamp(length - i * 8, 0, 8));
        }
        return new IPNetwork(new IPAddress(bytes), length);
    }
}
