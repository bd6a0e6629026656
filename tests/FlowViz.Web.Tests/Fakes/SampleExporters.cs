using FlowViz.Web.Exporters;

namespace FlowViz.Web.Tests.Fakes;

/// <summary>Two exporters: 10.0.0.9 sending now, 10.0.0.10 silent for an hour with malformed datagrams and loss.</summary>
public static class SampleExporters
{
    public static readonly ExporterReport Sending = new(
        "10.0.0.9", 120, 4_500, 90_000, 81_000_000, 5, 2,
        new Dictionary<string, long>(),
        [new SamplingRateCount(1, 4_500)],
        120, 0, Sample.Now.UtcDateTime.AddSeconds(-3));

    public static readonly ExporterReport Silent = new(
        "10.0.0.10", 40, 1_200, 2_400, 3_000_000, 0, 7,
        new Dictionary<string, long> { ["truncated"] = 3, ["malformed"] = 1 },
        [new SamplingRateCount(1, 200), new SamplingRateCount(512, 1_000)],
        50, 10, Sample.Now.UtcDateTime.AddHours(-1));

    public static IReadOnlyList<ExporterReport> Both => [Sending, Silent];
}
