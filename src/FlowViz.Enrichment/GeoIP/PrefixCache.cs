namespace FlowViz.Enrichment.GeoIP;

/// <summary>
/// Remembers database answers per network, using the prefix length the database returned with each answer, so the
/// next address of the same network is answered with a few array reads and no allocation. Bounded and 4-way set
/// associative: the set is chosen by the address's IPv4 /24 or IPv6 /48, and an entry is used only when the address
/// lies in the entry's network, so a collision costs a lookup, never a wrong answer (with one way per set, 4,096
/// recurring networks already collided often enough to triple the cost per flow). Entries are immutable objects
/// swapped by reference, so concurrent decode workers never see half an entry; a lost race only loses an entry.
/// </summary>
internal sealed class PrefixCache
{
    private const int SetBits = 15;
    private const int Ways = 4;
    private readonly Entry?[] _entries = new Entry?[(1 << SetBits) * Ways];
    private readonly byte[] _nextVictim = new byte[1 << SetBits];

    /// <summary>How many networks the cache holds at most.</summary>
    public static int Capacity => (1 << SetBits) * Ways;

    public bool TryGet(UInt128 address, bool isIPv4, out uint value)
    {
        var first = SetOf(address, isIPv4) * Ways;
        for (var way = 0; way < Ways; way++)
        {
            var entry = Volatile.Read(ref _entries[first + way]);
            if (entry is null)
            {
                break; // ways fill in order and are never emptied
            }
            if ((address & entry.Mask) == entry.Network && entry.IsIPv4 == isIPv4)
            {
                value = entry.Value;
                return true;
            }
        }
        value = 0;
        return false;
    }

    /// <summary>Keeps <paramref name="value"/> for the network of <paramref name="mappedPrefixLength"/> bits around the address.</summary>
    public void Add(UInt128 address, bool isIPv4, int mappedPrefixLength, uint value)
    {
        var mask = mappedPrefixLength == 0 ? UInt128.Zero : UInt128.MaxValue << (128 - mappedPrefixLength);
        var entry = new Entry(address & mask, mask, isIPv4, value);
        var set = SetOf(address, isIPv4);
        var first = set * Ways;
        for (var way = 0; way < Ways; way++)
        {
            if (Volatile.Read(ref _entries[first + way]) is null)
            {
                Volatile.Write(ref _entries[first + way], entry);
                return;
            }
        }
        // Full: replace in turn (round robin per set; a racy increment only picks another victim).
        Volatile.Write(ref _entries[first + (_nextVictim[set]++ & (Ways - 1))], entry);
    }

    private static int SetOf(UInt128 address, bool isIPv4)
    {
        var bucket = isIPv4 ? (ulong)(address >> 8) : (ulong)(address >> 80);
        return (int)((bucket * 0x9E37_79B9_7F4A_7C15UL) >> (64 - SetBits)); // Fibonacci hashing spreads neighbouring nets
    }

    // The family is kept because IPv4 answers are about the IPv4 tree, whatever IPv6 range holds its mapped form.
    private sealed record Entry(UInt128 Network, UInt128 Mask, bool IsIPv4, uint Value);
}
