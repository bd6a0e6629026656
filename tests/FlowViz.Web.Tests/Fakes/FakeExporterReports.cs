using FlowViz.Web.Exporters;

namespace FlowViz.Web.Tests.Fakes;

/// <summary>Answers with <see cref="Rows"/>, or throws <see cref="Failure"/> when set.</summary>
public sealed class FakeExporterReports : IExporterReports
{
    public IReadOnlyList<ExporterReport> Rows { get; set; } = [];
    public Exception? Failure { get; set; }
    public int Calls { get; private set; }

    public PipelineReport PipelineRows { get; set; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, []);

    public PipelineReport Pipeline() => Failure is null ? PipelineRows : throw Failure;

    public IReadOnlyList<ExporterReport> Snapshot()
    {
        Calls++;
        return Failure is null ? Rows : throw Failure;
    }
}
