namespace FlowViz.Enrichment;

/// <summary>The MaxMind DB files (GeoLite2 / GeoIP2) and how their answers combine with the flow's own.</summary>
public sealed class GeoIPOptions
{
    /// <summary>A GeoLite2/GeoIP2 Country or City .mmdb; countries stay unknown when empty or missing.</summary>
    public string? CountryDatabase { get; set; }

    /// <summary>A GeoLite2/GeoIP2 ASN .mmdb; AS numbers come from the flow only when empty or missing.</summary>
    public string? AsnDatabase { get; set; }

    /// <summary>Which AS number wins when the flow carries one and the ASN database knows one.</summary>
    public AsOrder AsOrder { get; set; } = AsOrder.FlowFirst;

    /// <summary>How often the files' modification times are checked; a changed file is loaded and swapped in.</summary>
    public TimeSpan ReloadInterval { get; set; } = TimeSpan.FromSeconds(60);
}
