namespace FlowViz.Core.Filtering;

/// <summary>
/// Which stored fields a predicate reads: one, or two for <see cref="FilterSide.Either"/> on a sided subject
/// (source OR destination). The evaluator and the SQL compiler both use this, so they agree on the meaning.
/// </summary>
public static class FilterFields
{
    /// <summary>The fields of a numeric predicate; the predicate matches when any of them matches.</summary>
    public static IReadOnlyList<FilterField> Of(NumberSubject subject, FilterSide side) => subject switch
    {
        NumberSubject.Port => Sided(side, FilterField.SrcPort, FilterField.DstPort),
        NumberSubject.As => Sided(side, FilterField.SrcAs, FilterField.DstAs),
        NumberSubject.Interface => Sided(side, FilterField.InputInterface, FilterField.OutputInterface),
        NumberSubject.Vlan => Sided(side, FilterField.SrcVlan, FilterField.DstVlan),
        NumberSubject.Bytes => [FilterField.Bytes],
        NumberSubject.Packets => [FilterField.Packets],
        NumberSubject.Tos => [FilterField.Tos],
        NumberSubject.OriginAs => [FilterField.OriginAs],
        _ => throw new ArgumentOutOfRangeException(nameof(subject), subject, "Unknown subject."),
    };

    /// <summary>The fields of an address predicate.</summary>
    public static IReadOnlyList<FilterField> OfAddress(FilterSide side) => Sided(side, FilterField.SrcAddr, FilterField.DstAddr);

    /// <summary>The fields of a label predicate.</summary>
    public static IReadOnlyList<FilterField> Of(LabelSubject subject, FilterSide side) => subject switch
    {
        LabelSubject.Country => Sided(side, FilterField.SrcCountry, FilterField.DstCountry),
        LabelSubject.Application => [FilterField.Application],
        LabelSubject.Connectivity => [FilterField.Connectivity],
        LabelSubject.Provider => [FilterField.Provider],
        LabelSubject.Boundary => [FilterField.Boundary],
        _ => throw new ArgumentOutOfRangeException(nameof(subject), subject, "Unknown subject."),
    };

    /// <summary>How people call the field, for messages such as "this view cannot filter by src country".</summary>
    public static string NameOf(FilterField field) => field switch
    {
        FilterField.SrcAddr => "src address",
        FilterField.DstAddr => "dst address",
        FilterField.Exporter => "exporter",
        FilterField.Protocol => "protocol",
        FilterField.SrcPort => "src port",
        FilterField.DstPort => "dst port",
        FilterField.SrcAs => "src AS",
        FilterField.DstAs => "dst AS",
        FilterField.InputInterface => "input interface",
        FilterField.OutputInterface => "output interface",
        FilterField.Bytes => "bytes",
        FilterField.Packets => "packets",
        FilterField.Tos => "tos",
        FilterField.TcpFlags => "TCP flags",
        FilterField.SrcVlan => "src VLAN",
        FilterField.DstVlan => "dst VLAN",
        FilterField.SrcCountry => "src country",
        FilterField.DstCountry => "dst country",
        FilterField.Application => "application",
        FilterField.Connectivity => "connectivity",
        FilterField.Provider => "provider",
        FilterField.Boundary => "boundary",
        FilterField.OriginAs => "origin AS",
        FilterField.Direction => "direction",
        _ => field.ToString(),
    };

    /// <summary>The name of what a predicate reads: "country" for either side, "dst country" for one.</summary>
    public static string NameOf(IReadOnlyList<FilterField> fields) => fields.Count == 2
        ? fields[0] switch
        {
            FilterField.SrcAddr => "address",
            FilterField.SrcPort => "port",
            FilterField.SrcAs => "AS",
            FilterField.InputInterface => "interface",
            FilterField.SrcVlan => "VLAN",
            FilterField.SrcCountry => "country",
            _ => NameOf(fields[0]),
        }
        : NameOf(fields[0]);

    private static FilterField[] Sided(FilterSide side, FilterField src, FilterField dst) => side switch
    {
        FilterSide.Src => [src],
        FilterSide.Dst => [dst],
        _ => [src, dst],
    };
}
