using System.Net;
using FlowViz.Core.Counters;
using FlowViz.Core.Queries;

namespace FlowViz.Identity.Scoping;

/// <summary>
/// <see cref="IInterfaceCounterQueries"/> as the current viewer may see it, by the rule of
/// <see cref="ScopedInterfaceCatalog"/>: a restricted viewer (tenant viewer) reads the counters only of the interfaces
/// its scope names (<see cref="ViewerScope.MaySeeInterface"/>). Counters count all traffic through an interface, so an
/// AS- or prefix-only tenant reads none. Viewers who see everything get the inner answers unchanged.
/// </summary>
public sealed class ScopedInterfaceCounterQueries(IInterfaceCounterQueries inner, IViewerScopeSource viewer) : IInterfaceCounterQueries
{
    public async Task<IReadOnlyList<InterfaceCounterRates>> RatesAsync(TimeRange range, CancellationToken cancellationToken)
    {
        var scope = await viewer.GetAsync(cancellationToken);
        var all = await inner.RatesAsync(range, cancellationToken);
        return scope.IsRestricted ? [.. all.Where(r => scope.MaySeeInterface(r.Exporter, r.IfIndex))] : all;
    }

    public async Task<IReadOnlyList<InterfaceCounterPoint>> SeriesAsync(
        IPAddress exporter, long ifIndex, TimeRange range, int stepSeconds, CancellationToken cancellationToken)
    {
        var scope = await viewer.GetAsync(cancellationToken);
        return scope.IsRestricted && !scope.MaySeeInterface(exporter, ifIndex)
            ? []
            : await inner.SeriesAsync(exporter, ifIndex, range, stepSeconds, cancellationToken);
    }
}
