using FlowViz.Web.Exporters;

namespace FlowViz.Web.Components.Exporters;

/// <summary>A sortable column of the exporters table, named as in the URL (<c>sort=-flows</c>).</summary>
public sealed record ExporterColumn(string Name, string Header, Func<ExporterReport, IComparable?> Key, bool Numeric = true)
{
    public static readonly IReadOnlyList<ExporterColumn> All =
    [
        new("address", "Exporter", r => AddressKey(r.Address), Numeric: false),
        new("status", "Status", r => r.LastSeenUtc ?? DateTime.MinValue, Numeric: false),
        new("datagrams", "Datagrams", r => r.Datagrams),
        new("flows", "Flows", r => r.Flows),
        new("packets", "Packets", r => r.Packets),
        new("bytes", "Bytes", r => r.Bytes),
        new("templates", "Templates", r => r.TemplatesKnown),
        new("notemplate", "Data w/o template", r => r.DataSetsWithoutTemplate),
        new("sampling", "Sampling", r => r.SamplingRates.Count == 0 ? 0 : r.SamplingRates.Max(s => s.Rate)),
        new("loss", "Sequence loss", r => r.LossRatio),
        new("malformed", "Malformed", r => r.MalformedTotal),
        new("lastseen", "Last seen", r => r.LastSeenUtc ?? DateTime.MinValue, Numeric: false),
    ];

    public static ExporterColumn Default => All[0];

    public static ExporterColumn? Find(string? name) =>
        All.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    // Addresses sort numerically (10.0.0.9 before 10.0.0.10), IPv4 before IPv6.
    private static string AddressKey(string address) =>
        System.Net.IPAddress.TryParse(address, out var ip)
            ? Convert.ToHexString(ip.MapToIPv6().GetAddressBytes())
            : address;
}

/// <summary>A column and a direction; URL form <c>flows</c> (ascending) or <c>-flows</c> (descending).</summary>
public sealed record ExporterSort(ExporterColumn Column, bool Descending)
{
    public static ExporterSort Default { get; } = new(ExporterColumn.Default, false);

    public static ExporterSort Parse(string? text)
    {
        var descending = text?.StartsWith('-') == true;
        return ExporterColumn.Find(descending ? text![1..] : text) is { } column ? new(column, descending) : Default;
    }

    /// <summary>Clicking the sorted column flips it; another column starts with its largest values (names: A first).</summary>
    public ExporterSort Toggle(ExporterColumn column) =>
        column == Column ? this with { Descending = !Descending } : new(column, column.Numeric);

    public IEnumerable<ExporterReport> Apply(IEnumerable<ExporterReport> rows) =>
        Descending
            ? rows.OrderByDescending(Column.Key).ThenBy(r => r.Address, StringComparer.Ordinal)
            : rows.OrderBy(Column.Key).ThenBy(r => r.Address, StringComparer.Ordinal);

    public override string ToString() => (Descending ? "-" : "") + Column.Name;
}
