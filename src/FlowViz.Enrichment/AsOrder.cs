namespace FlowViz.Enrichment;

/// <summary>Where a flow's source and destination AS numbers come from.</summary>
public enum AsOrder
{
    /// <summary>The AS the exporter put in the record wins when non-zero (its BGP view); the ASN database fills zeros.</summary>
    FlowFirst,

    /// <summary>The ASN database wins when it knows the address; the record's AS is kept otherwise.</summary>
    GeoIPFirst,
}
