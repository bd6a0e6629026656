namespace FlowViz.Enrichment.GeoIP;

/// <summary>
/// Remembers database answers per network, using the prefix length the database returned with each answer, so the
/// next address of the same network is answered with one array read and no allocation. Direct-mapped and bounded:
/// the slot is chosen by the address's IPv4 /24 or IPv6 /48, and an entry is used only when the address lies in the
/// entry's network, so a collision costs a lookup, never a wrong answer. Entries are immutable objects swapped by
/// reference, so concurrent decode workers never see half an entry.
/// </summary>
internal sealed class PrefixCache
{
    private const int SlotBits = 16;
    private readonly Entry?[] _slots = new Entry?[1 << SlotBits];

    public bool TryGet(UInt128 address, bool isIPv4, out uint value)
    {
        var entry = Volatile.Read(ref _slots[SlotOf(address, isIPv4)]);
        if (entry is not null && (address & entry.Mask) == entry.Network && entry.IsIPv4 == isIPv4)
        {
            value = entry.Value;
            return true;
        }
        value = 0;
        return false;
    }

    /// <summary>Keeps <paramref name="value"/> for the network of <paramref name="mappedPrefixLength"/> bits around the address.</summary>
    public void Add(UInt128 address, bool isIPv4, int mappedPrefixLength, uint value)
    {
        var mask = mappedPrefixLength == 0 ? UInt128.Zero : UInt128.MaxValue << (128 - mappedPrefixLength);
        Volatile.Write(ref _slots[SlotOf(address, isIPv4)], new Entry(address & mask, mask, isIPv4, value));
    }

    private static int SlotOf(UInt128 address, bool isIPv4)
    {
        var bucket = isIPv4 ? (ulong)(address >> 8) : (ulong)(address >> 80);
        return (int)((bucket * 0x9E37_79B9_7F4A_7C15UL) >> (64 - SlotBits)); // Fibonacci hashing spreads neighbouring nets
    }

    // The family is kept because IPv4 answers are about the IPv4 tree, whatever IPv6 range holds its mapped form.
    private sealed record Entry(UInt128 Network, UInt128 Mask, bool IsIPv4, uint Value);
}
