namespace FlowViz.Web.Exporters;

/// <summary>
/// One exporter as the exporters page shows it: the counters <c>softflowctl statistics</c> users know,
/// counted since FlowViz started. The numbers are the ones /api/v1/exporters reports.
/// </summary>
/// <param name="Address">The exporter's address, as the API prints it.</param>
/// <param name="Datagrams">Datagrams received, whatever their status.</param>
/// <param name="Flows">Flow records decoded.</param>
/// <param name="Packets">Packets the flows stand for, sampling applied.</param>
/// <param name="Bytes">Bytes the flows stand for, sampling applied.</param>
/// <param name="TemplatesKnown">Unexpired v9/IPFIX templates (data and options) held for it.</param>
/// <param name="DataSetsWithoutTemplate">Data sets skipped because their template was not known (yet).</param>
/// <param name="Malformed">Datagrams refused, by reason name (truncated, unsupported_version, malformed).</param>
/// <param name="SamplingRates">Flows seen at each sampling rate (1 = unsampled), lowest rate first.</param>
/// <param name="SequenceExpected">Datagrams, flows or samples the exporters' sequence numbers announced.</param>
/// <param name="SequenceLost">Of those, how many never arrived.</param>
/// <param name="LastSeenUtc">When the last datagram arrived; null before the first.</param>
public sealed record ExporterReport(
    string Address,
    long Datagrams,
    long Flows,
    long Packets,
    long Bytes,
    int TemplatesKnown,
    long DataSetsWithoutTemplate,
    IReadOnlyDictionary<string, long> Malformed,
    IReadOnlyList<SamplingRateCount> SamplingRates,
    long SequenceExpected,
    long SequenceLost,
    DateTime? LastSeenUtc)
{
    /// <summary>
    /// An exporter that sent nothing for this long is marked silent. Routers send at least templates every
    /// few minutes and softflowd exports every flow within its 5-minute maximum lifetime by default.
    /// </summary>
    public static readonly TimeSpan SilentAfter = TimeSpan.FromMinutes(5);

    public long MalformedTotal => Malformed.Values.Sum();

    public double LossRatio => SequenceExpected == 0 ? 0 : (double)SequenceLost / SequenceExpected;

    public bool IsSilent(DateTimeOffset now) => LastSeenUtc is not { } seen || now - new DateTimeOffset(seen, TimeSpan.Zero) > SilentAfter;
}

/// <summary>How many flows an exporter sent at one sampling rate.</summary>
public sealed record SamplingRateCount(uint Rate, long Flows);
