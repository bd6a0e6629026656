using FlowViz.Core.Filtering;
using FlowViz.Core.Queries;

namespace FlowViz.Storage.Rollups;

/// <summary>
/// The cubes of db-migrations/0005_rollups.sql, smallest first: the query service takes the first that holds a
/// query's dimensions and filter fields, so a dashboard query reads the smallest table that can answer it.
/// </summary>
public static class RollupCubes
{
    public static RollupCube Protocol { get; } = new("proto",
        [new("protocol", RollupField.Protocol), new("exporter", RollupField.Exporter)],
        [FlowDimension.Protocol, FlowDimension.Exporter],
        [FilterField.Protocol, FilterField.Exporter]);

    public static RollupCube Application { get; } = new("app",
        [new("application", RollupField.Application)],
        [FlowDimension.Application],
        [FilterField.Application]);

    public static RollupCube Country { get; } = new("country",
        [new("src_country", RollupField.SrcCountry), new("dst_country", RollupField.DstCountry)],
        [FlowDimension.SrcCountry, FlowDimension.DstCountry],
        [FilterField.SrcCountry, FilterField.DstCountry]);

    public static RollupCube LocalHost { get; } = new("host",
        [new("local_host", RollupField.LocalHost)],
        [FlowDimension.LocalHost],
        []);

    public static RollupCube Interface { get; } = new("iface",
        [new("exporter", RollupField.Exporter), new("input_if", RollupField.InputInterface), new("output_if", RollupField.OutputInterface)],
        [FlowDimension.Exporter, FlowDimension.InputInterface, FlowDimension.OutputInterface],
        [FilterField.Exporter, FilterField.InputInterface, FilterField.OutputInterface]);

    public static RollupCube As { get; } = new("as",
        [new("src_as", RollupField.SrcAs), new("dst_as", RollupField.DstAs), new("exporter", RollupField.Exporter),
         new("input_if", RollupField.InputInterface), new("output_if", RollupField.OutputInterface)],
        [FlowDimension.SrcAs, FlowDimension.DstAs, FlowDimension.OriginAs, FlowDimension.Exporter, FlowDimension.InputInterface, FlowDimension.OutputInterface],
        [FilterField.SrcAs, FilterField.DstAs, FilterField.OriginAs, FilterField.Exporter, FilterField.InputInterface, FilterField.OutputInterface]);

    public static IReadOnlyList<RollupCube> All { get; } = [Protocol, Application, Country, LocalHost, Interface, As];

    /// <summary>
    /// The cube the builder counts each minute's flows in: every cube holds every flow once, and this one has the fewest
    /// rows (applications × directions per minute).
    /// </summary>
    public static RollupCube Counting => Application;
}
