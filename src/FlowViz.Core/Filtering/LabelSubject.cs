namespace FlowViz.Core.Filtering;

/// <summary>Enrichment dimensions matched by name; the collector adds them as columns in later issues.</summary>
public enum LabelSubject
{
    /// <summary>ISO 3166-1 alpha-2 code, upper case (<c>[src|dst] country JP</c>).</summary>
    Country,

    /// <summary>Application name, lower case (<c>app https</c>).</summary>
    Application,

    /// <summary>Connectivity class, lower case (<c>connectivity transit</c>).</summary>
    Connectivity,

    /// <summary>Provider name, lower case (<c>provider example</c>).</summary>
    Provider,

    /// <summary><c>external</c> or <c>internal</c> (<c>boundary external</c>).</summary>
    Boundary,
}
