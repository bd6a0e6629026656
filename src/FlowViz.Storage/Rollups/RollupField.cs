using NpgsqlTypes;

namespace FlowViz.Storage.Rollups;

/// <summary>
/// What a cube column holds, taken from a flow record by <see cref="MinuteRollups"/> when a batch is written: the flow
/// field of the same name, except <see cref="LocalHost"/> (the local end: the destination of inbound traffic, the source
/// of outbound and internal traffic, none otherwise — DimensionSql.LocalHostFromFlows on raw flows).
/// </summary>
public enum RollupField
{
    Protocol,
    Exporter,
    Application,
    SrcCountry,
    DstCountry,
    LocalHost,
    InputInterface,
    OutputInterface,
    SrcAs,
    DstAs,
}

internal static class RollupFieldTypes
{
    /// <summary>The column's type in db-migrations/0005_rollups.sql.</summary>
    public static NpgsqlDbType DbType(this RollupField field) => field switch
    {
        RollupField.Protocol => NpgsqlDbType.Smallint,
        RollupField.Exporter or RollupField.LocalHost => NpgsqlDbType.Inet,
        RollupField.Application or RollupField.SrcCountry or RollupField.DstCountry => NpgsqlDbType.Text,
        _ => NpgsqlDbType.Bigint,
    };

    public static string SqlType(this RollupField field) => field.DbType() switch
    {
        NpgsqlDbType.Smallint => "smallint",
        NpgsqlDbType.Inet => "inet",
        NpgsqlDbType.Text => "text",
        _ => "bigint",
    };
}
