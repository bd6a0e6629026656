namespace FlowViz.Web.Components.Interfaces;

/// <summary>The columns an <see cref="InterfaceTable"/> can be sorted by; <see cref="Attention"/> is its default order.</summary>
public enum InterfaceColumn
{
    /// <summary>Unclassified interfaces carrying traffic first (busiest first), then the rest by traffic.</summary>
    Attention,
    Interface,
    Name,
    Connectivity,
    Provider,
    In,
    Out,
    InUtilization,
    OutUtilization,
}
