using FlowViz.Identity.Data;
using FlowViz.Storage.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FlowViz.Identity.Tests.Infrastructure;

/// <summary>
/// A migrated database of its own (the real db-migrations, 0007 included) and the accounts services over it,
/// wired as the host wires them: Identity's stores, tenants, tokens, audit log.
/// </summary>
public sealed class AccountsDatabase(PostgresServerFixture server) : IAsyncLifetime
{
    private readonly MigratedDatabaseFixture _database = new(server);
    private ServiceProvider? _services;

    public NpgsqlDataSource DataSource => _database.DataSource;

    /// <summary>The product's COPY writer into this database's flows table.</summary>
    public FlowViz.Storage.Flows.FlowCopyWriter CreateWriter() => _database.CreateWriter();

    public IServiceProvider Services => _services ?? throw new InvalidOperationException("Not initialised.");

    public async ValueTask InitializeAsync()
    {
        await _database.InitializeAsync();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddFlowVizAccounts(DataSource.ConnectionString);
        services.AddIdentityCore<FlowVizUser>().AddFlowVizStores();
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    /// <summary>Runs <paramref name="work"/> in a DI scope, as a request would.</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
        await _database.DisposeAsync();
    }
}
