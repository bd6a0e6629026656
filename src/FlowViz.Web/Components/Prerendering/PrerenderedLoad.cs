using System.Text.Json;

namespace FlowViz.Web.Components.Prerendering;

/// <summary>
/// A page's data as its prerender loaded it, carried to its interactive render (Blazor's persistent component state:
/// written into the prerendered response, protected by the server, read once by the circuit that response starts).
/// <see cref="Uri"/> is the address it was loaded for: a render at another address ignores it and queries.
/// <see cref="Data"/> is the data serialized with <see cref="PageDataJson"/>, as a JSON value rather than a string: a
/// string would be escaped once more inside the state's JSON (every quote as \u0022, six characters), and the whole
/// state travels in the HTML and back up with the circuit's first message.
/// </summary>
public sealed record PrerenderedLoad(string Uri, JsonElement Data)
{
    /// <summary>The state key of a page type's load: one page per response.</summary>
    public static string KeyOf(Type page) => $"flowviz-load:{page.FullName}";
}
