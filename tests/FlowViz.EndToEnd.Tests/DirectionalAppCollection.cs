namespace FlowViz.EndToEnd.Tests;

/// <summary>The mirrored-chart and AS click-through tests share one <see cref="DirectionalApp"/>.</summary>
[CollectionDefinition(Name)]
public sealed class DirectionalAppCollection : ICollectionFixture<DirectionalApp>
{
    public const string Name = "Directional app";
}
