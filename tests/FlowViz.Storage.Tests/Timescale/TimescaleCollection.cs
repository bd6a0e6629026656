namespace FlowViz.Storage.Tests.Timescale;

/// <summary>
/// Every test against the TimescaleDB server: one collection, so they share one server and run one after
/// another (PGlite serves a single connection).
/// </summary>
[CollectionDefinition(Name)]
public sealed class TimescaleCollection : ICollectionFixture<TimescaleServerFixture>
{
    public const string Name = "TimescaleDB";
}
