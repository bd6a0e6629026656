namespace FlowViz.Protocols;

/// <summary>Which of two statuses a datagram reports: a broken datagram outranks a missing template, which outranks Ok.</summary>
internal static class DecodeStatusOrder
{
    public static DecodeStatus Worst(DecodeStatus a, DecodeStatus b) => Rank(a) >= Rank(b) ? a : b;

    private static int Rank(DecodeStatus status) => status switch
    {
        DecodeStatus.Ok => 0,
        DecodeStatus.MissingTemplate => 1,
        _ => 2,
    };
}
