using FlowViz.Identity.Scoping;

namespace FlowViz.Identity.Tests.Isolation;

/// <summary>A viewer whose scope the test sets.</summary>
public sealed class FixedViewer(ViewerScope scope) : IViewerScopeSource
{
    public Task<ViewerScope> GetAsync(CancellationToken cancellationToken) => Task.FromResult(scope);
}
