using System.Net;
using FlowViz.Core.Counters;

namespace FlowViz.Web.Tests.Fakes;

/// <summary>Answers <see cref="Rates"/> and <see cref="Points"/> (none by default: no interface sends counters) and records the questions.</summary>
public sealed class FakeInterfaceCounterQueries : IInterfaceCounterQueries
{
    public List<InterfaceCounterRates> Rates { get; } = [];

    public List<InterfaceCounterPoint> Points { get; } = [];

    public List<TimeRange> RateCalls { get; } = [];

    public List<(IPAddress Exporter, long IfIndex, TimeRange Range, int StepSeconds)> SeriesCalls { get; } = [];

    public Task<IReadOnlyList<InterfaceCounterRates>> RatesAsync(TimeRange range, CancellationToken cancellationToken)
    {
        RateCalls.Add(range);
        return Task.FromResult<IReadOnlyList<InterfaceCounterRates>>(Rates);
    }

    public Task<IReadOnlyList<InterfaceCounterPoint>> SeriesAsync(
        IPAddress exporter, long ifIndex, TimeRange range, int stepSeconds, CancellationToken cancellationToken)
    {
        SeriesCalls.Add((exporter, ifIndex, range, stepSeconds));
        return Task.FromResult<IReadOnlyList<InterfaceCounterPoint>>(Points);
    }
}
