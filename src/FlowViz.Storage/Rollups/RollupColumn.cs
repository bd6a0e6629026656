namespace FlowViz.Storage.Rollups;

/// <summary>A dimension column of a cube and the expression over <c>flows</c> that fills it at 1 minute.</summary>
public sealed record RollupColumn(string Name, string FromFlows)
{
    public RollupColumn(string name)
        : this(name, name)
    {
    }
}
