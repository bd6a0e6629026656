namespace FlowViz.Protocols;

/// <summary>
/// What a decoder made of one datagram: the worst status met, how many flow records it emitted, how
/// many data sets it had to skip for want of a template, and the header's sequence number (for loss).
/// </summary>
public readonly record struct DecodeResult(DecodeStatus Status, int FlowCount, int MissingTemplateSets)
{
    /// <summary>The header's sequence number; absent (default) when the header could not be read.</summary>
    public ExportSequence Sequence { get; init; }

    public static DecodeResult Failed(DecodeStatus status) => new(status, 0, 0);
}
