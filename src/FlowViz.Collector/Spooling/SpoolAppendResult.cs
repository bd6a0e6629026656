namespace FlowViz.Collector.Spooling;

internal enum SpoolAppendResult
{
    /// <summary>On disk and fsync'ed.</summary>
    Spooled,

    /// <summary>Dropped (and counted): the spool would exceed its size bound.</summary>
    Full,

    /// <summary>Dropped (and counted): the disk refused the write.</summary>
    Failed,
}
