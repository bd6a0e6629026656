namespace FlowViz.Web.Components.Pages;

/// <summary>
/// A page's independent queries run at once. Safe with the services pages use: TrafficQueries and the interface
/// directory take a pooled connection per call, and the viewer's scope is read per query through its own database
/// context (ViewerScopes), so no connection or context is shared between two queries in flight.
/// </summary>
public static class PageQueries
{
    /// <summary>One query per item, all started before any is awaited; the answers in the items' order.</summary>
    public static async Task<IReadOnlyList<TResult>> All<TItem, TResult>(IEnumerable<TItem> items, Func<TItem, Task<TResult>> query) =>
        await Task.WhenAll(items.Select(query));
}
