namespace FlowViz.Core.Filtering;

/// <summary>
/// Why a filter did not parse: <paramref name="Message"/> says what was expected and what was found;
/// <paramref name="Position"/> (0-based character offset) and <paramref name="Length"/> mark the offending text.
/// </summary>
public sealed record FilterError(int Position, int Length, string Message)
{
    /// <summary>The message with its position, e.g. "expected a port number after 'dst port', found 'https' at position 23".</summary>
    public override string ToString() => $"{Message} at position {Position}";
}
