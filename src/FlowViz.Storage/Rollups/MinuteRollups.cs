using System.Net;
using FlowViz.Core.Flows;
using FlowViz.Storage.Flows;
using Npgsql;

namespace FlowViz.Storage.Rollups;

/// <summary>
/// The 1-minute rows of every cube for one batch of flows, summed in memory, and their addition to the cubes
/// (db-migrations/0011): the flow writer adds them in the transaction of the batch's COPY, so the minute cubes always
/// equal the sums of the raw rows. A batch spanning two minutes adds rows to both.
/// <para>
/// Concurrent writers add to the same rows (the current minute's keys): each statement locks its rows in the order of
/// its ORDER BY and the cubes come in one fixed order, so two writers always take row locks in the same order and
/// never deadlock; the second waits for the first's commit only on the rows they share.
/// </para>
/// </summary>
public sealed class MinuteRollups
{
    private const long PostgresEpochMicroseconds = 946_684_800_000_000; // 2000-01-01 in Unix microseconds
    private const long MicrosecondsPerMinute = 60_000_000;

    private static readonly CubePlan[] Plans = [.. RollupCubes.All.Select(cube => new CubePlan(cube))];

    private readonly Dictionary<MinuteKey, MinuteTotals>[] _rows = [.. Plans.Select(_ => new Dictionary<MinuteKey, MinuteTotals>())];

    public static MinuteRollups Of(ReadOnlySpan<FlowRecord> flows)
    {
        var rollups = new MinuteRollups();
        foreach (ref readonly var flow in flows)
        {
            rollups.Add(flow);
        }
        return rollups;
    }

    /// <summary>Rows to add, over all cubes.</summary>
    public int Count => _rows.Sum(rows => rows.Count);

    public void Add(in FlowRecord flow)
    {
        // The minute of the stored time_received (microseconds, as COPY writes it), as date_bin would bin it.
        var minute = FloorDiv(FlowCopyEncoder.PostgresMicroseconds(flow.TimeReceived) + PostgresEpochMicroseconds, MicrosecondsPerMinute);
        for (var i = 0; i < Plans.Length; i++)
        {
            ref var totals = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(
                _rows[i], Plans[i].KeyOf(minute, flow), out _);
            totals.Add(flow.Packets, flow.Bytes, flow.SamplingRate);
        }
    }

    /// <summary>
    /// Adds the rows to the cubes on <paramref name="connection"/>; the caller owns the transaction. One statement per
    /// cube, one after the other (a few round trips per batch of thousands of flows): a pipelined NpgsqlBatch would
    /// save them, but PGlite, the TimescaleDB test server, drops the connection on one.
    /// </summary>
    public async Task WriteAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        for (var i = 0; i < Plans.Length; i++)
        {
            if (_rows[i].Count > 0)
            {
                await using var command = Plans[i].Command(_rows[i], connection);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
    }

    private static long FloorDiv(long a, long b) => a >= 0 || a % b == 0 ? a / b : a / b - 1;

    /// <summary>How one cube's columns map to <see cref="MinuteKey"/>'s slots, and its statement.</summary>
    private sealed class CubePlan
    {
        private readonly RollupColumn[] _columns;
        private readonly int[] _slots; // per column: its number slot (numbers only)
        private readonly string _sql;

        public CubePlan(RollupCube cube)
        {
            _columns = [.. cube.Columns];
            _slots = new int[_columns.Length];
            var numbers = 0;
            for (var c = 0; c < _columns.Length; c++)
            {
                _slots[c] = IsNumber(_columns[c].Field) ? numbers++ : -1;
            }
            _sql = RollupSql.AddMinuteRows(cube);
        }

        public MinuteKey KeyOf(long minute, in FlowRecord flow)
        {
            FlowAddress address = default;
            string? text = null;
            Span<long> n = stackalloc long[4];
            for (var c = 0; c < _columns.Length; c++)
            {
                switch (_columns[c].Field)
                {
                    case RollupField.Exporter:
                        address = flow.Exporter;
                        break;
                    case RollupField.LocalHost:
                        address = flow.TrafficDirection switch
                        {
                            TrafficDirection.In => flow.DstAddr,
                            TrafficDirection.Out or TrafficDirection.Internal => flow.SrcAddr,
                            _ => FlowAddress.None,
                        };
                        break;
                    case RollupField.Application:
                        text = flow.Application;
                        break;
                    default:
                        n[_slots[c]] = NumberOf(_columns[c].Field, flow);
                        break;
                }
            }
            return new MinuteKey(minute, (byte)flow.TrafficDirection, address, text, n[0], n[1], n[2], n[3]);
        }

        public NpgsqlCommand Command(Dictionary<MinuteKey, MinuteTotals> rows, NpgsqlConnection connection)
        {
            var count = rows.Count;
            var buckets = new DateTime[count];
            var directions = new short[count];
            var flows = new long[count];
            var packets = new long[count];
            var bytes = new long[count];
            var columns = _columns.Select(column => NewArray(column.Field, count)).ToArray();
            var i = 0;
            foreach (var (key, totals) in rows)
            {
                buckets[i] = new DateTime(DateTime.UnixEpoch.Ticks + key.Minute * TimeSpan.TicksPerMinute, DateTimeKind.Utc);
                directions[i] = key.Direction;
                for (var c = 0; c < _columns.Length; c++)
                {
                    columns[c].SetValue(ValueOf(_columns[c].Field, key, _slots[c]), i);
                }
                flows[i] = totals.Flows;
                packets[i] = totals.Packets;
                bytes[i] = totals.Bytes;
                i++;
            }
            var command = new NpgsqlCommand(_sql, connection);
            command.Parameters.Add(new NpgsqlParameter { Value = buckets });
            command.Parameters.Add(new NpgsqlParameter { Value = directions });
            for (var c = 0; c < _columns.Length; c++)
            {
                command.Parameters.Add(new NpgsqlParameter
                {
                    Value = columns[c],
                    NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | _columns[c].Field.DbType(),
                });
            }
            command.Parameters.Add(new NpgsqlParameter { Value = flows });
            command.Parameters.Add(new NpgsqlParameter { Value = packets });
            command.Parameters.Add(new NpgsqlParameter { Value = bytes });
            return command;
        }

        private static bool IsNumber(RollupField field) => field is not (RollupField.Exporter or RollupField.LocalHost or RollupField.Application);

        private static long NumberOf(RollupField field, in FlowRecord flow) => field switch
        {
            RollupField.Protocol => flow.Protocol,
            RollupField.SrcCountry => flow.SrcCountry,
            RollupField.DstCountry => flow.DstCountry,
            RollupField.InputInterface => flow.InputInterface,
            RollupField.OutputInterface => flow.OutputInterface,
            RollupField.SrcAs => flow.SrcAs,
            RollupField.DstAs => flow.DstAs,
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a number column."),
        };

        private static Array NewArray(RollupField field, int count) => field switch
        {
            RollupField.Protocol => new short[count],
            RollupField.Exporter or RollupField.LocalHost => new IPAddress?[count],
            RollupField.Application or RollupField.SrcCountry or RollupField.DstCountry => new string?[count],
            _ => new long[count],
        };

        private static object? ValueOf(RollupField field, in MinuteKey key, int slot) => field switch
        {
            RollupField.Exporter or RollupField.LocalHost => key.Address.IsNone ? null : key.Address.ToIPAddress(),
            RollupField.Application => key.Text,
            RollupField.SrcCountry or RollupField.DstCountry => CountryCodes.Format((ushort)key.Number(slot)),
            RollupField.Protocol => (short)key.Number(slot),
            _ => key.Number(slot),
        };
    }
}
