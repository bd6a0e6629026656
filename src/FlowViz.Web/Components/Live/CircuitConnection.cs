using Microsoft.AspNetCore.Components.Server.Circuits;

namespace FlowViz.Web.Components.Live;

/// <summary>
/// Whether this circuit's browser is connected. A closed tab or a reload leaves its circuit on the server, disconnected,
/// for Blazor's retention period (3 minutes by default) in case the browser comes back. Its pages must not go on
/// refreshing for nobody in that time: every reload of a graph page would add one more poller of the database.
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
