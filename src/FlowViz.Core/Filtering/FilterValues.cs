using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace FlowViz.Core.Filtering;

/// <summary>
/// The value checks of the filter language: what counts as an address, a network, a number in range, a
/// country or a name. Each Try method returns a reason when it fails, for the parser's message.
/// </summary>
public static class FilterValues
{
    /// <summary>TCP flag letters from high bit (CWR, 0x80) to low (FIN, 0x01); also the printing order.</summary>
    public const string FlagLetters = "CEUAPRSF";

    /// <summary>The largest value a numeric subject accepts; bytes and packets stop at what a bigint column holds.</summary>
    public static ulong MaxOf(NumberSubject subject) => subject switch
    {
        NumberSubject.Port => ushort.MaxValue,
        NumberSubject.As or NumberSubject.OriginAs or NumberSubject.Interface => uint.MaxValue,
        NumberSubject.Tos => byte.MaxValue,
        NumberSubject.Vlan => 4095,
        _ => long.MaxValue,
    };

    /// <summary>True when the network holds a single address.</summary>
    public static bool IsHost(IPNetwork network) =>
        network.PrefixLength == (network.BaseAddress.AddressFamily == AddressFamily.InterNetwork ? 32 : 128);

    /// <summary>
    /// A literal IPv4 address in dotted-quad form or an IPv6 address (no zone). Shorthands that
    /// <see cref="IPAddress.TryParse(string, out IPAddress)"/> would accept ("10", "10.1") are refused, since
    /// nobody means 0.0.0.10. IPv4-mapped IPv6 (::ffff:a.b.c.d) becomes IPv4, the way flows are stored.
    /// </summary>
    public static bool TryParseAddress(string text, out IPAddress address)
    {
        address = IPAddress.None;
        var isV6 = text.Contains(':', StringComparison.Ordinal);
        if (isV6 ? text.Contains('%', StringComparison.Ordinal) : !IsDottedQuad(text))
        {
            return false;
        }
        if (!IPAddress.TryParse(text, out var parsed))
        {
            return false;
        }
        address = parsed.IsIPv4MappedToIPv6 ? parsed.MapToIPv4() : parsed;
        return true;
    }

    /// <summary>An address, '/', a prefix length; the address must have no bits set beyond the prefix.</summary>
    public static bool TryParseNetwork(string text, out IPNetwork network, out string? reason)
    {
        network = default;
        reason = null;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || !TryParseAddress(text[..slash], out var address)
            || !int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var length))
        {
            return false;
        }
        var mappedV6 = text[..slash].Contains(':', StringComparison.Ordinal) && address.AddressFamily == AddressFamily.InterNetwork;
        if (mappedV6)
        {
            // ::ffff:a.b.c.d/n was turned into IPv4 above, so its prefix loses the 96 mapped bits.
            length -= 96;
        }
        var max = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        if (length < 0 || length > max)
        {
            reason = $"the prefix length must be from 0 to {max}";
            return false;
        }
        var masked = Mask(address, length);
        if (!masked.Equals(address))
        {
            reason = $"it has host bits set; did you mean {masked}/{length}?";
            return false;
        }
        network = new IPNetwork(masked, length);
        return true;
    }

    /// <summary>The network holding exactly one address.</summary>
    public static IPNetwork HostNetwork(IPAddress address) =>
        new(address, address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128);

    /// <summary>A decimal number from 0 to <see cref="MaxOf"/>.</summary>
    public static bool TryParseNumber(string text, NumberSubject subject, out ulong value) =>
        ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value <= MaxOf(subject);

    /// <summary>Flag letters (any order and case, each once at most) to the flags byte.</summary>
    public static bool TryParseFlags(string text, out byte flags)
    {
        flags = 0;
        foreach (var letter in text)
        {
            var index = FlagLetters.IndexOf(char.ToUpperInvariant(letter), StringComparison.Ordinal);
            if (index < 0)
            {
                return false;
            }
            flags |= (byte)(0x80 >> index);
        }
        return text.Length > 0;
    }

    /// <summary>The letters of the set flags in <see cref="FlagLetters"/> order.</summary>
    public static string FlagsText(byte flags) =>
        string.Concat(FlagLetters.Where((_, index) => (flags & (0x80 >> index)) != 0));

    /// <summary>
    /// The normalised label: countries are two ASCII letters in upper case; names are 1–64 characters of
    /// letters, digits, '-', '_' and '.', in lower case; boundaries are <c>external</c> or <c>internal</c>.
    /// </summary>
    public static bool TryNormaliseLabel(LabelSubject subject, string text, out string value)
    {
        value = subject == LabelSubject.Country ? text.ToUpperInvariant() : text.ToLowerInvariant();
        return subject switch
        {
            LabelSubject.Country => value.Length == 2 && value.All(char.IsAsciiLetterUpper),
            LabelSubject.Boundary => value is "external" or "internal",
            _ => value.Length is > 0 and <= 64 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'),
        };
    }

    /// <summary>The directions a filter can name: <c>direction in|out|internal|transit</c>.</summary>
    public const string DirectionNames = "'in', 'out', 'internal' or 'transit'";

    /// <summary>in, out, internal, transit (case-insensitive); Unknown is not a filter value.</summary>
    public static bool TryParseDirection(string text, out Flows.TrafficDirection direction)
    {
        direction = text.ToLowerInvariant() switch
        {
            "in" => Flows.TrafficDirection.In,
            "out" => Flows.TrafficDirection.Out,
            "internal" => Flows.TrafficDirection.Internal,
            "transit" => Flows.TrafficDirection.Transit,
            _ => Flows.TrafficDirection.Unknown,
        };
        return direction != Flows.TrafficDirection.Unknown;
    }

    /// <summary>The filter word of a direction (the inverse of <see cref="TryParseDirection"/>).</summary>
    public static string DirectionText(Flows.TrafficDirection direction) => direction switch
    {
        Flows.TrafficDirection.In => "in",
        Flows.TrafficDirection.Out => "out",
        Flows.TrafficDirection.Internal => "internal",
        Flows.TrafficDirection.Transit => "transit",
        _ => throw new ArgumentOutOfRangeException(nameof(direction), direction, "Not a filter direction."),
    };

    private static bool IsDottedQuad(string text)
    {
        var parts = text.Split('.');
        // A leading zero is refused: IPAddress.TryParse would read "010" as octal 8.
        return parts.Length == 4 && parts.All(part =>
            part.Length is > 0 and <= 3 && part.All(char.IsAsciiDigit) && (part.Length == 1 || part[0] != '0'));
    }

    private static IPAddress Mask(IPAddress address, int length)
    {
        var bytes = address.GetAddressBytes();
        for (var i = 0; i < bytes.Length; i++)
        {
            var keep = Math.Clamp(length - i * 8, 0, 8);
            bytes[i] &= (byte)(0xFF00 >> keep);
        }
        return new IPAddress(bytes);
    }
}
