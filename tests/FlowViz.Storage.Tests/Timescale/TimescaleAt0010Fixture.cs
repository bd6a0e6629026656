using FlowViz.Storage.Migrations;

namespace FlowViz.Storage.Tests.Timescale;

/// <summary>A TimescaleDB server of its own with the schema as it was before 0011, for upgrade tests.</summary>
public sealed class TimescaleAt0010Fixture : TimescaleServerFixture
{
    public const string Version = "0010";

    protected override IReadOnlyList<Migration> Migrations =>
        [.. EmbeddedMigrations.Load().Where(m => string.CompareOrdinal(m.Version, Version) <= 0)];
}
