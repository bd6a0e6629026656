using FlowViz.Identity;
using FlowViz.Identity.Data;
using FlowViz.Identity.Tenants;
using FlowViz.Identity.Tokens;
using FlowViz.Storage.Migrations;
using Npgsql;

namespace FlowViz.Web.Hosting.Commands;

/// <summary>
/// <c>flowviz users|tenants|tokens …</c>: account administration from the shell, against the configured database
/// (or the embedded one in the data directory: used in place when FlowViz is running, else started for the command).
/// Changes are audited with the actor "cli".
/// </summary>
internal static class AccountsCommand
{
    public const string Usage = """
        flowviz users add NAME --role admin|operator|tenant-viewer [--tenant T]... [--password P]
        flowviz users list
        flowviz tenants add NAME --scope "as 64500, in if 192.0.2.1 3, src net 198.51.100.0/24"
        flowviz tenants list
        flowviz tokens add USER --name N [--days 90]
        flowviz tokens revoke ID
        (settings as for the server: --FlowViz:DataDirectory=…, --ConnectionStrings:FlowViz=…)
        """;

    public static int Run(string noun, string[] args)
    {
        if (args is [] or ["--help"] or ["-h"])
        {
            Console.WriteLine(Usage);
            return args is [] ? 2 : 0;
        }
        var settings = args.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=', StringComparison.Ordinal)).ToArray();
        var words = args.Except(settings).ToList();
        try
        {
            return RunAsync(noun, words, settings).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is AccountException or ArgumentException or CommandException)
        {
            Console.Error.WriteLine($"flowviz {noun}: {e.Message}");
            return 2;
        }
    }

    private static async Task<int> RunAsync(string noun, List<string> words, string[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(settings)
            .Build();
        await using var database = await CommandDatabase.OpenAsync(configuration);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(NpgsqlDataSource.Create(database.ConnectionString));
        services.AddSingleton<MigrationRunner>();
        services.AddFlowVizAccounts(database.ConnectionString);
        services.AddIdentityCore<FlowVizUser>().AddFlowVizStores();
        await using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<MigrationRunner>().ApplyAsync();
        await using var scope = provider.CreateAsyncScope();
        var s = scope.ServiceProvider;
        var ct = CancellationToken.None;
        switch (noun, words)
        {
            case ("users", ["add", var name, .. var rest]):
                var password = Option(rest, "--password") ?? Environment.GetEnvironmentVariable("FLOWVIZ_NEW_PASSWORD");
                var generated = password is null ? Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_') : null;
                await s.GetRequiredService<UserAccounts>().CreateAsync(name, password ?? generated!, Option(rest, "--role") ?? throw new CommandException("--role is required"),
                    Options(rest, "--tenant"), "cli", ct);
                Console.WriteLine(generated is null ? $"Created {name}." : $"Created {name} with the password: {generated}");
                return 0;
            case ("users", ["list"]):
                foreach (var (user, role) in await s.GetRequiredService<UserAccounts>().ListAsync(ct))
                {
                    Console.WriteLine($"{user.UserName}\t{role}\t{string.Join(",", await s.GetRequiredService<TenantDirectory>().TenantNamesOfAsync(user.Id, ct))}");
                }
                return 0;
            case ("tenants", ["add", var name, .. var rest]):
                var tenant = await s.GetRequiredService<TenantDirectory>().CreateAsync(name, TenantScopeText.Parse(Option(rest, "--scope") ?? ""), "cli", ct);
                Console.WriteLine($"Created tenant {tenant.Id} {tenant.Name}: {TenantScopeText.Format(tenant.Scope)}");
                return 0;
            case ("tenants", ["list"]):
                foreach (var t in await s.GetRequiredService<TenantDirectory>().ListAsync(ct))
                {
                    Console.WriteLine($"{t.Id}\t{t.Name}\t{TenantScopeText.Format(t.Scope)}");
                }
                return 0;
            case ("tokens", ["add", var userName, .. var rest]):
                var owner = await s.GetRequiredService<UserAccounts>().FindAsync(userName) ?? throw new CommandException($"there is no user '{userName}'");
                var days = int.TryParse(Option(rest, "--days") ?? "90", out var d) ? d : throw new CommandException("--days must be a whole number");
                var (token, secret) = await s.GetRequiredService<ApiTokens>().CreateAsync(owner.Id, Option(rest, "--name") ?? "cli", TimeSpan.FromDays(days), ct);
                await s.GetRequiredService<FlowViz.Identity.Audit.AuditLog>().WriteAsync("cli", FlowViz.Identity.Audit.AuditActions.TokenCreated, $"token {token.Id} '{token.Name}' for {userName}", null, ct);
                Console.WriteLine($"Token {token.Id} for {userName}, expires {token.ExpiresAt:u} (shown once): {secret}");
                return 0;
            case ("tokens", ["revoke", var id]):
                var revoked = long.TryParse(id, out var tokenId) && await s.GetRequiredService<ApiTokens>().RevokeAsync(tokenId, ct);
                Console.WriteLine(revoked ? $"Revoked token {id}." : $"No live token {id}.");
                return revoked ? 0 : 1;
            default:
                throw new CommandException($"cannot understand '{string.Join(' ', words)}'.{Environment.NewLine}{Usage}");
        }
    }

    private static string? Option(List<string> words, string name) =>
        words.IndexOf(name) is var at and >= 0 && at + 1 < words.Count ? words[at + 1] : null;

    private static List<string> Options(List<string> words, string name) =>
        [.. words.Select((w, i) => (w, i)).Where(p => p.w == name && p.i + 1 < words.Count).Select(p => words[p.i + 1])];

    private sealed class CommandException(string message) : Exception(message);
}
