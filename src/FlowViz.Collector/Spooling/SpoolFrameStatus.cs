namespace FlowViz.Collector.Spooling;

internal enum SpoolFrameStatus
{
    /// <summary>A whole frame with a matching CRC.</summary>
    Batch,

    /// <summary>A frame of plausible length whose CRC does not match: skipped (and counted) by the replay.</summary>
    Corrupt,

    /// <summary>No further frame in this segment: its end, or a torn last frame.</summary>
    End,
}
