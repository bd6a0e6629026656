using System.Globalization;
using FlowViz.Core.Flows;
using FlowViz.Storage.Rollups;
using Npgsql;

namespace FlowViz.Storage.Tests.Rollups;

/// <summary>
/// The rows a cube should hold, worked out in C# from the flow records alone (not from SQL), and the rows it does
/// hold, both as sorted text lines "bucket|direction|columns…|flows|packets|bytes" so a failure shows the difference.
/// </summary>
public static class ExpectedRollups
{
    public static List<string> Expected(RollupCube cube, RollupResolution resolution, IEnumerable<FlowRecord> flows, DateTimeOffset from, DateTimeOffset to) =>
        Expected(resolution, flows, from, to, f => cube.Columns.Select(c => ColumnValue(c.Name, f)));

    /// <summary>The same over any key columns: <paramref name="columns"/> gives a flow's values, null for SQL NULL.</summary>
    public static List<string> Expected(
        RollupResolution resolution, IEnumerable<FlowRecord> flows, DateTimeOffset from, DateTimeOffset to, Func<FlowRecord, IEnumerable<string?>> columns) =>
        flows.Where(f => f.TimeReceived >= from.UtcDateTime && f.TimeReceived < to.UtcDateTime)
            .GroupBy(f => string.Join("|", [
                resolution.Floor(new DateTimeOffset(f.TimeReceived, TimeSpan.Zero)).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
                ((int)f.TrafficDirection).ToString(CultureInfo.InvariantCulture),
                .. columns(f).Select(value => value ?? "∅")]))
            .Select(g => string.Join("|", g.Key,
                g.Count().ToString(CultureInfo.InvariantCulture),
                g.Sum(f => (long)f.ScaledPackets).ToString(CultureInfo.InvariantCulture),
                g.Sum(f => (long)f.ScaledBytes).ToString(CultureInfo.InvariantCulture)))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>The rows the cube holds; with <c>within</c>, only the buckets in that interval (a database other tests also write to).</summary>
    public static async Task<List<string>> ActualAsync(
        NpgsqlDataSource dataSource, RollupCube cube, RollupResolution resolution, CancellationToken cancellationToken, TimeInterval? within = null)
    {
        var columns = string.Join(", ", cube.Columns.Select(c => c.Name is "exporter" or "local_host" ? $"host({c.Name})" : $"{c.Name}::text"));
        await using var command = dataSource.CreateCommand(
            $"SELECT extract(epoch FROM bucket)::bigint, traffic_direction, {columns}, flows, packets, bytes FROM {cube.TableName(resolution)}"
            + (within is null ? "" : " WHERE bucket >= $1 AND bucket < $2"));
        if (within is { } interval)
        {
            command.Parameters.Add(new() { Value = interval.From.UtcDateTime });
            command.Parameters.Add(new() { Value = interval.To.UtcDateTime });
        }
        return await SortedRowsAsync(command, cancellationToken);
    }

    /// <summary>Each row the command reads as a line "value|value|…" (SQL NULL as ∅), sorted.</summary>
    public static async Task<List<string>> SortedRowsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount)
                .Select(i => reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
        }
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    /// <summary>A cube column's value for one flow, as PostgreSQL prints it; null for SQL NULL.</summary>
    public static string? ColumnValue(string column, in FlowRecord flow) => column switch
    {
        "application" => flow.Application,
        "local_host" => flow.TrafficDirection switch
        {
            TrafficDirection.In => Address(flow.DstAddr),
            TrafficDirection.Out or TrafficDirection.Internal => Address(flow.SrcAddr),
            _ => null,
        },
        "protocol" => Number(flow.Protocol),
        "exporter" => Address(flow.Exporter),
        "input_if" => Number(flow.InputInterface),
        "output_if" => Number(flow.OutputInterface),
        "src_as" => Number(flow.SrcAs),
        "dst_as" => Number(flow.DstAs),
        "src_country" => CountryCodes.Format(flow.SrcCountry),
        "dst_country" => CountryCodes.Format(flow.DstCountry),
        _ => throw new ArgumentOutOfRangeException(nameof(column), column, "Unknown cube column."),
    };

    private static string? Address(FlowAddress address) => address.IsNone ? null : address.ToIPAddress().ToString();

    private static string Number(ulong value) => value.ToString(CultureInfo.InvariantCulture);
}
