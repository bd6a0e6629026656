using MaxMind.Db;

namespace FlowViz.Enrichment.GeoIP;

/// <summary>The part of a GeoLite2/GeoIP2 ASN record FlowViz reads: the AS number.</summary>
public sealed class AsnData
{
    [Constructor]
    public AsnData([MapKey("autonomous_system_number")] long? autonomousSystemNumber = null) =>
        AutonomousSystemNumber = autonomousSystemNumber;

    public long? AutonomousSystemNumber { get; }
}
