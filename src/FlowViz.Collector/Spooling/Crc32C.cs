using System.Buffers.Binary;
using System.Numerics;

namespace FlowViz.Collector.Spooling;

/// <summary>
/// CRC-32C (Castagnoli) of a span. <see cref="BitOperations.Crc32C(uint, ulong)"/> uses the SSE4.2 / ARMv8 CRC
/// instruction where there is one, so checksumming a spool frame costs far less than writing it; no package needed.
/// </summary>
internal static class Crc32C
{
    public static uint Compute(ReadOnlySpan<byte> data)
    {
        var crc = uint.MaxValue;
        while (data.Length >= sizeof(ulong))
        {
            crc = BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(data));
            data = data[sizeof(ulong)..];
        }
        foreach (var b in data)
        {
            crc = BitOperations.Crc32C(crc, b);
        }
        return ~crc;
    }
}
