namespace FlowViz.Protocols.Tests;

/// <summary>Most tests assert what was decoded; the header's sequence number has tests of its own (SequenceTests).</summary>
internal static class DecodeResultExtensions
{
    public static DecodeResult WithoutSequence(this DecodeResult result) => result with { Sequence = default };
}
