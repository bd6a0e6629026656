namespace FlowViz.EndToEnd.Tests;

/// <summary>The settings API and page tests share one <see cref="SettingsApp"/> (one FlowViz instance less for CI).</summary>
[CollectionDefinition(Name)]
public sealed class SettingsAppCollection : ICollectionFixture<SettingsApp>
{
    public const string Name = "Settings app";
}
