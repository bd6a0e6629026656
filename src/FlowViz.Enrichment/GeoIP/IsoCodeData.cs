using MaxMind.Db;

namespace FlowViz.Enrichment.GeoIP;

/// <summary>A country record's <c>iso_code</c> (ISO 3166-1 alpha-2).</summary>
public sealed class IsoCodeData
{
    [Constructor]
    public IsoCodeData([MapKey("iso_code")] string? isoCode = null) => IsoCode = isoCode;

    public string? IsoCode { get; }
}
