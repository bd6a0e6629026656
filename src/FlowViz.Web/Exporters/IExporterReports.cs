namespace FlowViz.Web.Exporters;

/// <summary>The exporters FlowViz has heard from, as the UI shows them (the exporters page's only data source).</summary>
public interface IExporterReports
{
    /// <summary>A snapshot of every exporter's counters, ordered by address.</summary>
    IReadOnlyList<ExporterReport> Snapshot();

    /// <summary>The collector pipeline's counters (received, dropped, written, spooled, lost).</summary>
    PipelineReport Pipeline();
}
