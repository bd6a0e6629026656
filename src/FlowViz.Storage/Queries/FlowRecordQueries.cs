using System.Runtime.CompilerServices;
using FlowViz.Core.Flows;
using FlowViz.Core.Queries;
using FlowViz.Storage.Filtering;
using Npgsql;
using NpgsqlTypes;

namespace FlowViz.Storage.Queries;

/// <summary>
/// <see cref="IFlowRecordQueries"/> over the raw <c>flows</c> table. Flows have no key, so the order is made
/// total with two tie-breakers: time received and a 64-bit hash of the whole row's text (identical rows share
/// it and are counted in the cursor). Keyset paging on that order never skips or repeats a stored row, however
/// many flows arrive between pages. The sort column comes only from <see cref="FlowSortColumns"/>; every value
/// (times, cursor, limit, filter) is a parameter.
/// </summary>
public sealed class FlowRecordQueries(NpgsqlDataSource dataSource) : IFlowRecordQueries
{
    private const string RowHash = "hashtextextended(f::text, 0)";

    public async Task<FlowPage> PageAsync(FlowListQuery query, CancellationToken cancellationToken)
    {
        var limit = query.Limit ?? FlowListQuery.MaxLimit;
        ValidateLimit(limit);
        var skip = query.After?.SameKeyRows ?? 0;
        var rows = new List<(FlowRecord Flow, FlowCursor Key)>(Math.Min(limit + 1, 1_024));
        await foreach (var row in ReadAsync(query, limit + skip + 1L, cancellationToken))
        {
            if (skip > 0 && SameKey(row.Key, query.After!))
            {
                skip--;
                continue;
            }
            rows.Add(row);
        }
        if (rows.Count <= limit)
        {
            return new FlowPage([.. rows.Select(r => r.Flow)], null);
        }
        rows.RemoveAt(limit);
        var last = rows[^1].Key;
        var sameKey = rows.AsEnumerable().Reverse().TakeWhile(r => SameKey(r.Key, last)).Count();
        if (query.After is { } after && SameKey(after, last))
        {
            sameKey += after.SameKeyRows; // the whole page continued the previous page's run of identical keys
        }
        return new FlowPage([.. rows.Select(r => r.Flow)], last with { SameKeyRows = sameKey });
    }

    public async IAsyncEnumerable<FlowRecord> StreamAsync(FlowListQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (query.Limit is { } limit)
        {
            ValidateLimit(limit);
        }
        var skip = query.After?.SameKeyRows ?? 0;
        await foreach (var row in ReadAsync(query, query.Limit + (long)skip, cancellationToken))
        {
            if (skip > 0 && SameKey(row.Key, query.After!))
            {
                skip--;
                continue;
            }
            yield return row.Flow;
        }
    }

    private async IAsyncEnumerable<(FlowRecord Flow, FlowCursor Key)> ReadAsync(
        FlowListQuery query, long? limit, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!FlowSortColumns.IsSortable(query.SortBy))
        {
            throw new ArgumentOutOfRangeException(nameof(query), query.SortBy, $"Flows can be sorted by: {string.Join(", ", FlowSortColumns.Names)}.");
        }
        await using var command = dataSource.CreateCommand();
        command.CommandText = BuildSql(query, limit, command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var columns = FlowColumns.All.Count;
        var isTime = FlowSortColumns.IsTime(query.SortBy);
        while (await reader.ReadAsync(cancellationToken))
        {
            var flow = FlowRecordReader.Read(reader);
            var sortValue = isTime ? reader.GetDateTime(columns).Ticks : reader.GetInt64(columns);
            var key = new FlowCursor(sortValue, flow.TimeReceived, reader.GetInt64(columns + 1), 0);
            yield return (flow, key);
        }
    }

    private static string BuildSql(FlowListQuery query, long? limit, NpgsqlCommand command)
    {
        var sort = query.SortBy; // whitelisted by the caller
        var isTime = FlowSortColumns.IsTime(sort);
        var (compare, direction) = query.Descending ? ("<=", "DESC") : (">=", "ASC");
        command.Parameters.Add(new() { Value = query.Range.From.UtcDateTime });
        command.Parameters.Add(new() { Value = query.Range.To.UtcDateTime });
        var where = "time_received >= $1 AND time_received < $2";
        if (query.After is { } after)
        {
            // The cursor's own key is included (<=, >=): rows sharing it come first and the caller skips those already sent.
            command.Parameters.Add(isTime
                ? new NpgsqlParameter { Value = new DateTime(after.SortValue, DateTimeKind.Utc), NpgsqlDbType = NpgsqlDbType.TimestampTz }
                : new NpgsqlParameter { Value = after.SortValue, NpgsqlDbType = NpgsqlDbType.Bigint });
            command.Parameters.Add(new() { Value = DateTime.SpecifyKind(after.TimeReceived, DateTimeKind.Utc), NpgsqlDbType = NpgsqlDbType.TimestampTz });
            command.Parameters.Add(new() { Value = after.RowHash, NpgsqlDbType = NpgsqlDbType.Bigint });
            // The plain comparison on the sort column lets an index or chunk exclusion narrow the scan; the row comparison decides.
            where += $" AND {sort} {compare} $3 AND ({sort}, time_received, {RowHash}) {compare} ($3, $4, $5)";
        }
        if (query.Filter is not null)
        {
            // Connectivity, provider and boundary test the interface classes as the traffic queries do (no join needed).
            var filter = FilterSqlCompiler.FlowsWithInterfaceClasses.Compile(query.Filter, command.Parameters.Count + 1);
            filter.AddTo(command);
            where += $" AND {filter.Sql}";
        }
        var limitSql = "";
        if (limit is { } rows)
        {
            command.Parameters.Add(new() { Value = rows, NpgsqlDbType = NpgsqlDbType.Bigint });
            limitSql = $" LIMIT ${command.Parameters.Count}";
        }
        var sortValue = isTime ? $"f.{sort}" : $"f.{sort}::bigint";
        return $"""
            SELECT {FlowRecordReader.ColumnList}, {sortValue} AS sort_value, {RowHash} AS row_hash
            FROM flows f
            WHERE {where}
            ORDER BY f.{sort} {direction}, f.time_received {direction}, row_hash {direction}{limitSql}
            """;
    }

    private static bool SameKey(FlowCursor row, FlowCursor cursor) =>
        row.SortValue == cursor.SortValue && row.TimeReceived.Ticks == cursor.TimeReceived.Ticks && row.RowHash == cursor.RowHash;

    private static void ValidateLimit(int limit)
    {
        if (limit is < 1 or > FlowListQuery.MaxLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, $"The limit must be between 1 and {FlowListQuery.MaxLimit}.");
        }
    }
}
