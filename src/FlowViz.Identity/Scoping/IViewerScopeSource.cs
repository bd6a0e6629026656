namespace FlowViz.Identity.Scoping;

/// <summary>
/// The scope of whoever the current request or circuit belongs to. Looked up per query (not cached in a
/// circuit), so a changed scope or a removed tenant applies at once.
/// </summary>
public interface IViewerScopeSource
{
    Task<ViewerScope> GetAsync(CancellationToken cancellationToken);
}
