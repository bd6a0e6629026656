using FlowViz.Core.Flows;

namespace FlowViz.Collector.Tests;

/// <summary>Keeps every flow it is given; can fail its first writes, or hold writes until released.</summary>
internal sealed class RecordingBatchWriter : IFlowBatchWriter
{
    private readonly List<FlowRecord> _flows = [];
    private readonly Lock _lock = new();
    private int _failuresLeft;
    private volatile bool _down;
    private TaskCompletionSource _gate = CompletedGate();

    public int Attempts { get; private set; }

    public IReadOnlyList<FlowRecord> Flows
    {
        get
        {
            lock (_lock)
            {
                return [.. _flows];
            }
        }
    }

    public void FailNext(int writes) => _failuresLeft = writes;

    /// <summary>Every write fails until <see cref="Recover"/>: the database is away.</summary>
    public void GoDown() => _down = true;

    public void Recover() => _down = false;

    public void Hold() => _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => _gate.TrySetResult();

    public async ValueTask WriteAsync(ReadOnlyMemory<FlowRecord> flows, CancellationToken cancellationToken)
    {
        await _gate.Task.WaitAsync(cancellationToken);
        lock (_lock)
        {
            Attempts++;
            if (_down || _failuresLeft > 0)
            {
                _failuresLeft = Math.Max(0, _failuresLeft - 1);
                throw new InvalidOperationException("database unavailable (test)");
            }
            _flows.AddRange(flows.Span);
        }
    }

    public async Task<IReadOnlyList<FlowRecord>> WaitForAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (Flows.Count >= count)
            {
                return Flows;
            }
            await Task.Delay(20);
        }
        throw new TimeoutException($"expected {count} flows, got {Flows.Count} within {timeout}");
    }

    private static TaskCompletionSource CompletedGate()
    {
        var gate = new TaskCompletionSource();
        gate.SetResult();
        return gate;
    }
}
