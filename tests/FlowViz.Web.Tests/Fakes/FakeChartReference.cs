using System.Diagnostics.CodeAnalysis;
using Microsoft.JSInterop;

namespace FlowViz.Web.Tests.Fakes;

/// <summary>
/// The chart handle a test hands to a pending <c>create</c> once it chooses to complete it: bUnit's own module
/// references complete at once, so a test that holds <c>create</c> open supplies the handle itself.
/// </summary>
public sealed class FakeChartReference : IJSObjectReference
{
    private readonly TaskCompletionSource _disposed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Disposals { get; private set; }

    /// <summary>Completes at the first dispose: the component's last step in tearing the chart down.</summary>
    public Task Disposed => _disposed.Task;

    public ValueTask<TValue> InvokeAsync<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors | DynamicallyAccessedMemberTypes.PublicFields | DynamicallyAccessedMemberTypes.PublicProperties)] TValue>(
        string identifier, object?[]? args) =>
        throw new InvalidOperationException($"the chart handle is only passed to the module, never called ('{identifier}')");

    public ValueTask<TValue> InvokeAsync<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors | DynamicallyAccessedMemberTypes.PublicFields | DynamicallyAccessedMemberTypes.PublicProperties)] TValue>(
        string identifier, CancellationToken cancellationToken, object?[]? args) =>
        InvokeAsync<TValue>(identifier, args);

    public ValueTask DisposeAsync()
    {
        Disposals++;
        _disposed.TrySetResult();
        return ValueTask.CompletedTask;
    }
}
