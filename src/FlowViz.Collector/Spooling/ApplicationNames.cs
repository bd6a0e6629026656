using System.Collections.Concurrent;
using System.Text;

namespace FlowViz.Collector.Spooling;

/// <summary>
/// Turns spooled application names back into strings, one instance per name: a replay reads millions of
/// records that share a few dozen names, and the records are written straight on, so sharing avoids both
/// the allocations and the memory of a copy per flow.
/// </summary>
internal static class ApplicationNames
{
    private static readonly ConcurrentDictionary<string, string> Names = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> ByChars =
        Names.GetAlternateLookup<ReadOnlySpan<char>>();

    public static string Intern(ReadOnlySpan<byte> utf8)
    {
        Span<char> chars = stackalloc char[64];
        var length = Encoding.UTF8.GetChars(utf8, chars);
        if (ByChars.TryGetValue(chars[..length], out var name))
        {
            return name;
        }
        var created = new string(chars[..length]);
        return Names.GetOrAdd(created, created);
    }
}
