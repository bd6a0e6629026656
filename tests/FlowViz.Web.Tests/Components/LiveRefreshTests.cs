using FlowViz.Web.Components.Live;
using Microsoft.Extensions.Time.Testing;

namespace FlowViz.Web.Tests.Components;

/// <summary>The refresh every live page runs (its wiring: OverviewTests, ExportersTests).</summary>
public sealed class LiveRefreshTests : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    private readonly FakeTimeProvider _clock = new();
    private readonly CircuitConnection _connection = new();
    private readonly LiveRefresh _refresh;
    private int _refreshes;

    public LiveRefreshTests() => _refresh = new LiveRefresh(_clock, Interval, _connection, () =>
    {
        _refreshes++;
        return Task.CompletedTask;
    });

    [Fact]
    public void Tick_Connected_Refreshes()
    {
        _clock.Advance(Interval * 2);

        Assert.Equal(2, _refreshes);
    }

    [Fact]
    public void Restored_AfterSkippedTicks_RefreshesOnceAtOnce()
    {
        _connection.MarkLost();
        _clock.Advance(Interval * 3);
        Assert.Equal(0, _refreshes);

        _connection.MarkRestored();

        Assert.Equal(1, _refreshes);
    }

    [Fact]
    public void Restored_BeforeAnyTickWasSkipped_AddsNoRefresh()
    {
        _connection.MarkLost();
        _clock.Advance(Interval / 2);

        _connection.MarkRestored();
        _clock.Advance(Interval / 2);

        Assert.Equal(1, _refreshes); // the one tick, connected
    }

    [Fact]
    public void Restored_AfterDispose_DoesNotRefresh()
    {
        _connection.MarkLost();
        _clock.Advance(Interval);

        _refresh.Dispose();
        _connection.MarkRestored();
        _clock.Advance(Interval);

        Assert.Equal(0, _refreshes);
    }

    public void Dispose() => _refresh.Dispose();
}
