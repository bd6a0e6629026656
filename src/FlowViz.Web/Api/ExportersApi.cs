using FlowViz.Collector.Statistics;
using FlowViz.Identity.Scoping;
using FlowViz.Protocols;
using FlowViz.Web.Exporters;

namespace FlowViz.Web.Api;

/// <summary>
/// <c>GET /api/v1/exporters</c>: per exporter, what <c>softflowctl statistics</c> would tell — datagrams,
/// flows, bytes, data without a template, malformed datagrams by reason, sampling rates, sequence loss
/// per export stream, last seen. Counted since FlowViz started. A tenant viewer sees only the exporters of
/// its scope's interfaces (none when its scope names no interface).
/// </summary>
internal static class ExportersApi
{
    public static IEndpointRouteBuilder MapExportersApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/v1/exporters", async (CollectorStatistics statistics, FlowDatagramDecoder decoder, IViewerScopeSource viewer, CancellationToken cancellationToken) =>
        {
            var scope = await viewer.GetAsync(cancellationToken);
            return Results.Ok(new
            {
                Exporters = statistics.SnapshotExporters()
                    .Where(exporter => scope.Exporters is null || (!exporter.Exporter.IsNone && scope.MaySeeExporter(exporter.Exporter.ToIPAddress())))
                    .Select(exporter => Describe(exporter, decoder.Templates.CountFor(exporter.Exporter))),
            });
        }).WithTags("Exporters");
        return endpoints;
    }

    private static object Describe(ExporterSnapshot exporter, int templatesKnown) => new
    {
        Address = exporter.Exporter.ToString(),
        TemplatesKnown = templatesKnown,
        exporter.Datagrams,
        exporter.Flows,
        exporter.Packets,
        exporter.Bytes,
        DataSetsWithoutTemplate = exporter.MissingTemplateSets,
        Malformed = exporter.DatagramsByStatus
            .Where(s => s.Key is not DecodeStatus.Ok and not DecodeStatus.MissingTemplate)
            .ToDictionary(s => CollectorExporterReports.ReasonName(s.Key), s => s.Value),
        SamplingRates = exporter.FlowsBySamplingRate.OrderBy(r => r.Key).Select(r => new { Rate = r.Key, Flows = r.Value }),
        Sequences = exporter.Sequences.Select(s => new
        {
            Protocol = s.Protocol.ToString(),
            s.ObservationDomainId,
            s.Unit,
            s.Expected,
            s.Received,
            s.Lost,
            s.LossRatio,
            s.Reordered,
            s.Resets,
        }),
        exporter.CounterSamples,
        Interfaces = exporter.Interfaces,
        LastSeen = exporter.LastSeenUtc,
    };
}
