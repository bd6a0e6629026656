using FlowViz.Identity.Data;
using FlowViz.Identity.Tests.Infrastructure;
using FlowViz.Storage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace FlowViz.Identity.Tests;

/// <summary>
/// db-migrations/0007_identity.sql, not EF migrations, makes the accounts schema: the EF model (as the host
/// configures it, Identity schema version included) must find every table and column it maps, with the same
/// type and nullability, and the SQL must have no column the model would not fill.
/// </summary>
public sealed class SchemaMatchesModelTests(PostgresServerFixture server) : IAsyncLifetime
{
    private readonly AccountsDatabase _accounts = new(server);

    public ValueTask InitializeAsync() => _accounts.InitializeAsync();

    public ValueTask DisposeAsync() => _accounts.DisposeAsync();

    [Fact]
    public async Task EveryMappedTable_HasExactlyTheModelsColumns()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await _accounts.Services.GetRequiredService<IDbContextFactory<FlowVizIdentityDbContext>>().CreateDbContextAsync(ct);
        var tables = db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null).GroupBy(e => e.GetTableName()!).ToList();
        Assert.Equal(12, tables.Count); // 7 of Identity's (schema version 1) + tenants, scopes, user_tenants, api_tokens, audit_log
        foreach (var table in tables)
        {
            var expected = table.SelectMany(e => e.GetProperties())
                .Select(p => Column(p, StoreObjectIdentifier.Table(table.Key)))
                .Distinct()
                .OrderBy(c => c.Name)
                .ToList();
            var actual = await ReadColumnsAsync(table.Key, ct);
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public async Task EveryMappedKeyAndUniqueIndex_ExistsInTheDatabase()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await _accounts.Services.GetRequiredService<IDbContextFactory<FlowVizIdentityDbContext>>().CreateDbContextAsync(ct);
        var expected = db.Model.GetEntityTypes()
            .SelectMany(e => e.GetKeys().Select(k => k.GetName()!).Concat(e.GetIndexes().Select(i => i.GetDatabaseName()!)))
            .Order()
            .ToList();
        await using var command = _accounts.DataSource.CreateCommand(
            "SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND indexname = ANY($1) ORDER BY indexname");
        command.Parameters.Add(new() { Value = expected.ToArray() });
        var found = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                found.Add(reader.GetString(0));
            }
        }
        Assert.Equal(expected, found);
    }

    private static ColumnShape Column(IProperty property, StoreObjectIdentifier table) =>
        new(property.GetColumnName(table)!, property.GetColumnType(table), property.IsColumnNullable(table));

    private async Task<List<ColumnShape>> ReadColumnsAsync(string table, CancellationToken ct)
    {
        await using var command = _accounts.DataSource.CreateCommand("""
            SELECT a.attname, format_type(a.atttypid, a.atttypmod), NOT a.attnotnull
            FROM pg_attribute a
            WHERE a.attrelid = to_regclass($1) AND a.attnum > 0 AND NOT a.attisdropped
            ORDER BY a.attname
            """);
        command.Parameters.Add(new() { Value = table });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var columns = new List<ColumnShape>();
        while (await reader.ReadAsync(ct))
        {
            columns.Add(new ColumnShape(reader.GetString(0), reader.GetString(1), reader.GetBoolean(2)));
        }
        Assert.True(columns.Count > 0, $"table {table} is missing from 0007_identity.sql");
        return columns;
    }

    private sealed record ColumnShape(string Name, string Type, bool Nullable);
}
