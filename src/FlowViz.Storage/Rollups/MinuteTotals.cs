namespace FlowViz.Storage.Rollups;

/// <summary>The sums a cube row keeps: flow records, and packets and bytes multiplied by the sampling rate.</summary>
internal struct MinuteTotals
{
    public long Flows;
    public long Packets;
    public long Bytes;

    /// <summary>
    /// Adds one flow, as the queries count it on raw rows: counters as stored (clamped to bigint, see FlowCopyEncoder)
    /// times greatest(sampling_rate, 1). Sums saturate instead of wrapping: only corrupt counters near 2^63 get there,
    /// where PostgreSQL's own sum over the raw rows would fail with an overflow.
    /// </summary>
    public void Add(ulong packets, ulong bytes, uint samplingRate)
    {
        var rate = Math.Max(samplingRate, 1u);
        Flows++;
        Packets = SaturatingAdd(Packets, Scaled(packets, rate));
        Bytes = SaturatingAdd(Bytes, Scaled(bytes, rate));
    }

    private static long Scaled(ulong counter, uint rate)
    {
        var value = counter > long.MaxValue ? long.MaxValue : (long)counter;
        return value > long.MaxValue / rate ? long.MaxValue : value * rate;
    }

    private static long SaturatingAdd(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;
}
