using FlowViz.Web.Components.Charts;
using FlowViz.Web.Tests.Fakes;

namespace FlowViz.Web.Tests.Components;

/// <summary>
/// A chart removed while its JS <c>create</c> is still running (the user navigates away on a slow link): the
/// dispose must leave the module alone for the create to finish with, and the create's return must destroy what
/// it made exactly once, with nothing thrown into the circuit.
/// </summary>
public class StackedTrafficChartDisposalTests : WebTestContext
{
    [Fact]
    public async Task DisposeComponents_WhileCreatePending_CreateReturnDestroysTheCreatedChartOnce()
    {
        var create = new PendingObjectCall("create");
        ChartModule.AddInvocationHandler(create);
        var chart = Render<StackedTrafficChart>(p => p.Add(c => c.Series, Sample.Series()));
        ChartModule.VerifyInvoke("create");

        await DisposeComponentsAsync();
        Assert.Empty(ChartModule.Invocations["destroy"]);

        var created = new FakeChartReference();
        await chart.InvokeAsync(() => create.SetResult(created));
        // The create's continuation runs after SetResult returns: wait for its teardown, or for what it threw.
        await Task.WhenAny(created.Disposed, Renderer.UnhandledException, Task.Delay(TimeSpan.FromSeconds(10), Xunit.TestContext.Current.CancellationToken));

        Assert.False(Renderer.UnhandledException.IsCompleted, $"escaped: {(Renderer.UnhandledException.IsCompleted ? await Renderer.UnhandledException : null)}");
        var destroy = Assert.Single(ChartModule.Invocations["destroy"]);
        Assert.Same(created, destroy.Arguments[0]);
        Assert.Equal(1, created.Disposals);
        Assert.Empty(ChartModule.Invocations["update"]);
    }
}
