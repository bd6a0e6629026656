using FlowViz.Web.Components;
using FlowViz.Web.Components.Live;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection;

namespace FlowViz.Web.Tests.Components;

public class CircuitConnectionTests
{
    [Fact]
    public void AddFlowVizUi_CircuitHandlers_IncludeTheCircuitsOwnConnection()
    {
        using var services = new ServiceCollection().AddFlowVizUi().BuildServiceProvider();
        using var circuit = services.CreateScope();

        var handlers = circuit.ServiceProvider.GetServices<CircuitHandler>();

        Assert.Same(circuit.ServiceProvider.GetRequiredService<CircuitConnection>(), Assert.Single(handlers));
    }

    [Fact]
    public void Restored_OnlyAfterALoss()
    {
        var connection = new CircuitConnection();
        var restored = 0;
        connection.Restored += () => restored++;

        connection.MarkRestored(); // a first connection is not a return
        connection.MarkLost();
        Assert.False(connection.IsConnected);
        connection.MarkRestored();
        connection.MarkRestored();

        Assert.True(connection.IsConnected);
        Assert.Equal(1, restored);
    }
}
