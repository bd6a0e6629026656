namespace FlowViz.Web.Components.Live;

/// <summary>
/// A page's periodic refresh: <c>refresh</c> every <c>interval</c> while the circuit's browser is connected. Ticks while
/// it is not are skipped; if one was, a refresh runs as soon as the browser is back, so that a user whose laptop slept
/// sees current traffic at once rather than up to one interval later.
/// </summary>
public sealed class LiveRefresh : IDisposable
{
    private readonly CircuitConnection _connection;
    private readonly Func<Task> _refresh;
    private readonly ITimer _timer;
    private int _skipped;

    /// <summary><paramref name="refresh"/> runs on the timer's thread: a component passes <c>() =&gt; InvokeAsync(...)</c>.</summary>
    public LiveRefresh(TimeProvider clock, TimeSpan interval, CircuitConnection connection, Func<Task> refresh)
    {
        (_connection, _refresh) = (connection, refresh);
        _connection.Restored += OnRestored;
        _timer = clock.CreateTimer(_ => Tick(), null, interval, interval);
    }

    private void Tick()
    {
        if (_connection.IsConnected)
        {
            _ = _refresh();
        }
        else
        {
            Interlocked.Exchange(ref _skipped, 1);
        }
    }

    private void OnRestored()
    {
        if (Interlocked.Exchange(ref _skipped, 0) == 1)
        {
            _ = _refresh();
        }
    }

    public void Dispose()
    {
        _connection.Restored -= OnRestored;
        _timer.Dispose();
    }
}
