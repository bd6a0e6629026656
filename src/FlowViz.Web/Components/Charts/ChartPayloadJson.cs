using System.Text.Json;

namespace FlowViz.Web.Components.Charts;

/// <summary>
/// A <see cref="ChartPayload"/> as JSON in the prerendered HTML: the camelCase shape JS interop sends to create()/update(),
/// so that the chart drawn from the HTML and the one the circuit asks for are the same (flowviz-chart.js compares them).
/// </summary>
public static class ChartPayloadJson
{
    public static string Serialize(ChartPayload payload) => JsonSerializer.Serialize(payload, JsonSerializerOptions.Web);
}
