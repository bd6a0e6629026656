namespace FlowViz.Protocols.SFlow;

/// <summary>
/// The sFlow v5 <c>data_format</c> values FlowViz reads (sflow_version_5.txt: "The data_format uniquely
/// identifies the format of an opaque structure … enterprise = top 20 bits, format = bottom 12 bits").
/// All are enterprise 0 (sFlow.org), so the whole 32-bit word equals the format number.
/// </summary>
internal static class SFlowFormat
{
    // sample_record sample_type
    public const uint FlowSample = 1;
    public const uint CounterSample = 2;
    public const uint FlowSampleExpanded = 3;
    public const uint CounterSampleExpanded = 4;

    // flow_record flow_format
    public const uint SampledHeader = 1;
    public const uint SampledEthernet = 2;
    public const uint SampledIPv4 = 3;
    public const uint SampledIPv6 = 4;
    public const uint ExtendedSwitch = 1001;
    public const uint ExtendedRouter = 1002;
    public const uint ExtendedGateway = 1003;

    // counter_record counter_format
    public const uint GenericInterfaceCounters = 1;

    // sampled_header header_protocol ("enum header_protocol")
    public const uint HeaderProtocolEthernet = 1;
    public const uint HeaderProtocolIPv4 = 11;
    public const uint HeaderProtocolIPv6 = 12;

    // "enum address_type { UNKNOWN = 0, IP_V4 = 1, IP_V6 = 2 }"
    public const uint AddressUnknown = 0;
    public const uint AddressIPv4 = 1;
    public const uint AddressIPv6 = 2;
}
