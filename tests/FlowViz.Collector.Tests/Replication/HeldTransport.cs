using FlowViz.Collector.Replication;

namespace FlowViz.Collector.Tests.Replication;

/// <summary>A replication transport whose sends wait until released: a sender that has fallen behind.</summary>
internal sealed class HeldTransport : IReplicaTransport
{
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _sent;

    public int Sent => Volatile.Read(ref _sent);

    public void Release() => _gate.TrySetResult();

    public async ValueTask SendAsync(ReadOnlyMemory<byte> datagram)
    {
        await _gate.Task;
        Interlocked.Increment(ref _sent);
    }

    public void Dispose() => Release();
}
