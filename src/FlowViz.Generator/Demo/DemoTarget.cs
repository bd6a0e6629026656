using System.Net;

namespace FlowViz.Generator.Demo;

/// <summary>Where the demo exporters send: resolved when they start, after the collector has bound its ports.</summary>
public sealed class DemoTarget(Func<IPEndPoint> resolve)
{
    public IPEndPoint Resolve() => resolve();
}
