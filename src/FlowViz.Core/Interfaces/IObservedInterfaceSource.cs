namespace FlowViz.Core.Interfaces;

/// <summary>
/// Where interface names learned at ingest come from. The collector keeps them in memory; the host adapts it
/// to this so storage can copy them into its interfaces table without knowing the collector.
/// </summary>
public interface IObservedInterfaceSource
{
    /// <summary>Every interface the exporters have described so far.</summary>
    IReadOnlyList<ObservedInterface> Observe();
}
