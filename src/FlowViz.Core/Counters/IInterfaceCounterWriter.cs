namespace FlowViz.Core.Counters;

/// <summary>Where the collector hands interface counter samples; implemented by storage, bound by the web host.</summary>
public interface IInterfaceCounterWriter
{
    /// <summary>Stores the samples or throws; the caller keeps them until this returns.</summary>
    Task WriteAsync(IReadOnlyList<InterfaceCounterRecord> counters, CancellationToken cancellationToken);
}
