namespace FlowViz.Core.Flows;

/// <summary>
/// Where the collector hands decoded flows, in batches. Implemented by storage (binary COPY) and bound
/// by the web host, so the collector never knows about the database.
/// </summary>
public interface IFlowBatchWriter
{
    /// <summary>Writes the batch durably or throws; the caller keeps the batch until this returns.</summary>
    ValueTask WriteAsync(ReadOnlyMemory<FlowRecord> flows, CancellationToken cancellationToken);
}
