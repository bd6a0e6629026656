namespace FlowViz.Identity.Scoping;

/// <summary>
/// A viewer whose scope is given, not looked up: the tenant page's preview runs the scoped query path with a
/// candidate scope that is not saved yet, exactly as a viewer of that scope would be answered.
/// </summary>
public sealed class FixedViewerScope(ViewerScope scope) : IViewerScopeSource
{
    public Task<ViewerScope> GetAsync(CancellationToken cancellationToken) => Task.FromResult(scope);
}
