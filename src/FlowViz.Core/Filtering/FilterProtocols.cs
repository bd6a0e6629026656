namespace FlowViz.Core.Filtering;

/// <summary>
/// Protocol names the filter accepts after <c>proto</c> (IANA "Assigned Internet Protocol Numbers",
/// lower case as nfdump writes them), and the one name each number prints as.
/// </summary>
public static class FilterProtocols
{
    private static readonly Dictionary<string, byte> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["icmp"] = 1,
        ["igmp"] = 2,
        ["ipip"] = 4,
        ["tcp"] = 6,
        ["udp"] = 17,
        ["ipv6"] = 41,
        ["rsvp"] = 46,
        ["gre"] = 47,
        ["esp"] = 50,
        ["ah"] = 51,
        ["icmp6"] = 58,
        ["icmpv6"] = 58,
        ["ipv6-icmp"] = 58,
        ["eigrp"] = 88,
        ["ospf"] = 89,
        ["pim"] = 103,
        ["vrrp"] = 112,
        ["sctp"] = 132,
    };

    private static readonly Dictionary<byte, string> Canonical = ByName
        .GroupBy(pair => pair.Value)
        .ToDictionary(group => group.Key, group => group.First().Key);

    /// <summary>Every name accepted, for messages.</summary>
    public static IEnumerable<string> Names => ByName.Keys;

    /// <summary>A name or a number from 0 to 255.</summary>
    public static bool TryParse(string text, out byte protocol) =>
        ByName.TryGetValue(text, out protocol)
        || byte.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out protocol);

    /// <summary>The name the printer uses: the first name listed for the number, else the number.</summary>
    public static string NameOf(byte protocol) =>
        Canonical.TryGetValue(protocol, out var name) ? name : protocol.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
