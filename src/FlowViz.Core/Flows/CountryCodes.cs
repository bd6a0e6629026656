namespace FlowViz.Core.Flows;

/// <summary>
/// ISO 3166-1 alpha-2 country codes packed into a <see cref="ushort"/> (first letter in the high byte), so a
/// <see cref="FlowRecord"/> carries a country without a string. 0 means unknown.
/// </summary>
public static class CountryCodes
{
    /// <summary>Packs "JP" (any case) into its number; 0 for anything that is not two ASCII letters.</summary>
    public static ushort Pack(ReadOnlySpan<char> code)
    {
        if (code.Length != 2 || !char.IsAsciiLetter(code[0]) || !char.IsAsciiLetter(code[1]))
        {
            return 0;
        }
        return (ushort)((char.ToUpperInvariant(code[0]) << 8) | char.ToUpperInvariant(code[1]));
    }

    /// <summary>The two letters of a packed code; null for 0.</summary>
    public static string? Format(ushort packed) =>
        packed == 0 ? null : string.Create(2, packed, static (span, value) =>
        {
            span[0] = (char)(value >> 8);
            span[1] = (char)(value & 0xFF);
        });

    /// <summary>Writes the two ASCII letters of a non-zero packed code.</summary>
    public static void WriteAscii(ushort packed, Span<byte> destination)
    {
        destination[0] = (byte)(packed >> 8);
        destination[1] = (byte)packed;
    }
}
