using Microsoft.AspNetCore.Components.Server.Circuits;

namespace FlowViz.Web.Components.Live;

/// <summary>
/// Whether this circuit's browser is connected. A browser that goes away without closing the page (network lost, laptop
/// asleep, browser killed: no unload beacon) leaves its circuit on the server, disconnected, for Blazor's retention
/// period (3 minutes by default) in case it comes back. Its pages must not go on refreshing for nobody in that time:
/// five such Host pages went on asking about 8 queries each per 10 s (tests/benchmarks/README.md, session 9).
/// One per circuit, registered both as itself and as one of the circuit's <see cref="CircuitHandler"/>s
/// (<see cref="UiServiceCollectionExtensions.AddFlowVizUi"/>). A prerender has no circuit: it counts as connected.
/// </summary>
public sealed class CircuitConnection : CircuitHandler
{
    private volatile bool _connected = true;

    public bool IsConnected => _connected;

    /// <summary>Raised when a lost connection is back (not at the circuit's first connection).</summary>
    public event Action? Restored;

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        MarkLost();
        return Task.CompletedTask;
    }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        MarkRestored();
        return Task.CompletedTask;
    }

    public void MarkLost() => _connected = false;

    public void MarkRestored()
    {
        if (!_connected)
        {
            _connected = true;
            Restored?.Invoke();
        }
    }
}
