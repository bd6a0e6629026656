using FlowViz.Core.Flows;
using Microsoft.Extensions.Logging;

namespace FlowViz.Enrichment.GeoIP;

/// <summary>The configured country and ASN databases, and how their answers go into a flow.</summary>
public sealed class GeoIPDatabases : IDisposable
{
    private readonly CountryDatabase _country;
    private readonly AsnDatabase _asn;
    private readonly AsOrder _asOrder;

    public GeoIPDatabases(GeoIPOptions options, ILogger<GeoIPDatabases> logger)
    {
        _country = new CountryDatabase(options.CountryDatabase, logger);
        _asn = new AsnDatabase(options.AsnDatabase, logger);
        _asOrder = options.AsOrder;
    }

    public bool HasCountries => _country.IsLoaded;

    public bool HasAsns => _asn.IsLoaded;

    /// <summary>Lookups that failed in a damaged file, answered "unknown".</summary>
    public long LookupErrors => _country.LookupErrors + _asn.LookupErrors;

    /// <summary>The state of each configured database, for the metrics: "country" and "asn".</summary>
    public IReadOnlyList<GeoIPDatabaseStatus> Status() =>
    [
        GeoIPDatabaseStatus.Of("country", _country),
        GeoIPDatabaseStatus.Of("asn", _asn),
    ];

    /// <summary>Fills unknown countries, and AS numbers as <see cref="AsOrder"/> says.</summary>
    public void Enrich(ref FlowRecord flow)
    {
        if (_country.IsLoaded)
        {
            if (flow.SrcCountry == 0)
            {
                flow.SrcCountry = (ushort)_country.Lookup(flow.SrcAddr);
            }
            if (flow.DstCountry == 0)
            {
                flow.DstCountry = (ushort)_country.Lookup(flow.DstAddr);
            }
        }
        if (_asn.IsLoaded)
        {
            flow.SrcAs = Choose(flow.SrcAs, flow.SrcAddr);
            flow.DstAs = Choose(flow.DstAs, flow.DstAddr);
        }
    }

    /// <summary>Loads database files that appeared or changed; the reload service calls it periodically.</summary>
    public void Refresh()
    {
        _country.Refresh();
        _asn.Refresh();
    }

    private uint Choose(uint carried, in FlowAddress address)
    {
        if (_asOrder == AsOrder.FlowFirst && carried != 0)
        {
            return carried; // no lookup at all: the exporter's BGP view stands
        }
        var looked = _asn.Lookup(address);
        return looked != 0 ? looked : carried;
    }

    public void Dispose()
    {
        _country.Dispose();
        _asn.Dispose();
    }
}
