using FlowViz.Core.Filtering;
using FlowViz.Core.Queries;
using FlowViz.Storage.Queries;

namespace FlowViz.Storage.Rollups;

/// <summary>
/// The cubes of db-migrations/0005_rollups.sql, smallest first: the query service takes the first that holds a
/// query's dimensions and filter fields, so a dashboard query reads the smallest table that can answer it.
/// </summary>
public static class RollupCubes
{
    public static RollupCube Protocol { get; } = new("proto",
        [new("protocol"), new("exporter")],
        [FlowDimension.Protocol, FlowDimension.Exporter],
        [FilterField.Protocol, FilterField.Exporter]);

    public static RollupCube Application { get; } = new("app",
        [new("application")],
        [FlowDimension.Application],
        [FilterField.Application]);

    public static RollupCube Country { get; } = new("country",
        [new("src_country"), new("dst_country")],
        [FlowDimension.SrcCountry, FlowDimension.DstCountry],
        [FilterField.SrcCountry, FilterField.DstCountry]);

    public static RollupCube LocalHost { get; } = new("host",
        [new("local_host", DimensionSql.LocalHostFromFlows)],
        [FlowDimension.LocalHost],
        []);

    public static RollupCube Interface { get; } = new("iface",
        [new("exporter"), new("input_if"), new("output_if")],
        [FlowDimension.Exporter, FlowDimension.InputInterface, FlowDimension.OutputInterface],
        [FilterField.Exporter, FilterField.InputInterface, FilterField.OutputInterface]);

    public static RollupCube As { get; } = new("as",
        [new("src_as"), new("dst_as"), new("exporter"), new("input_if"), new("output_if")],
        [FlowDimension.SrcAs, FlowDimension.DstAs, FlowDimension.OriginAs, FlowDimension.Exporter, FlowDimension.InputInterface, FlowDimension.OutputInterface],
        [FilterField.SrcAs, FilterField.DstAs, FilterField.OriginAs, FilterField.Exporter, FilterField.InputInterface, FilterField.OutputInterface]);

    public static IReadOnlyList<RollupCube> All { get; } = [Protocol, Application, Country, LocalHost, Interface, As];
}
