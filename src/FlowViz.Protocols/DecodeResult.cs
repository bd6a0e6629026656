namespace FlowViz.Protocols;

/// <summary>
/// What a decoder made of one datagram: the worst status met, how many flow records it emitted, and
/// how many data sets it had to skip for want of a template.
/// </summary>
public readonly record struct DecodeResult(DecodeStatus Status, int FlowCount, int MissingTemplateSets)
{
    public static DecodeResult Failed(DecodeStatus status) => new(status, 0, 0);
}
