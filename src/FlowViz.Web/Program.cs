using FlowViz.Collector;
using FlowViz.Enrichment;
using FlowViz.Generator;
using FlowViz.Generator.Demo;
using FlowViz.Identity.Oidc;
using FlowViz.Storage;
using FlowViz.Storage.Embedded;
using FlowViz.Storage.Migrations;
using FlowViz.Storage.Policies;
using FlowViz.Storage.Rollups;
using FlowViz.Web.Accounts;
using FlowViz.Web.Api;
using FlowViz.Web.Components;
using FlowViz.Web.Hosting;
using FlowViz.Web.Hosting.Commands;
using FlowViz.Web.Metrics;
using FlowViz.Web.Settings;
using Prometheus;

// `flowviz generate` / `flowviz replay` only send UDP: they run before (and instead of) the host and database.
if (SubcommandDispatcher.TryRun(args) is { } exitCode)
{
    return exitCode;
}

var builder = WebApplication.CreateBuilder(CommandLine.Normalize(args));
// Serve the static assets from the build output whatever the environment (also for `dotnet run` in Production).
builder.WebHost.UseStaticWebAssets();

FlowVizDatabase opened;
try
{
    opened = await FlowVizDatabase.OpenAsync(builder.Configuration, CancellationToken.None);
}
catch (PostgresNotFoundException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}
// Stops an embedded server however the host ends, start-up failures included.
await using var database = opened;

builder.Services.AddSingleton(database);
builder.Services.AddHostedService<EmbeddedDatabaseLifetime>(); // first: stopped last
builder.Services.AddFlowVizStorage(database.ConnectionString);
builder.Services.Configure<FlowVizStorageOptions>(builder.Configuration.GetSection("Storage"));
// Accounts, tenants, tokens; ITrafficQueries from here on answers within the viewer's scope.
builder.Services.AddFlowVizAccess(builder.Configuration, database.ConnectionString);

builder.Services.Configure<CollectorOptions>(builder.Configuration.GetSection(CollectorOptions.SectionName));
builder.Services.PostConfigure<CollectorOptions>(options =>
{
    var dataDirectory = DataDirectory.Resolve(builder.Configuration);
    options.SpoolDirectory = string.IsNullOrWhiteSpace(options.SpoolDirectory) ? Path.Combine(dataDirectory, "spool") : options.SpoolDirectory;
    options.TemplateJournalFile ??= Path.Combine(dataDirectory, "templates.journal"); // "" configured: not kept
});
builder.Services.AddFlowVizCollector();
DemoNetworks.AddWhenDemo(builder.Configuration); // before enrichment reads its networks
builder.Services.AddFlowEnrichment(builder.Configuration); // section "Enrichment": GeoIP, local networks, application rules
builder.Services.Configure<DemoOptions>(builder.Configuration.GetSection(DemoOptions.SectionName));
builder.Services.AddFlowVizDemo(services => services.GetRequiredService<CollectorEndpoints>().LoopbackTarget());

// A registry per host rather than the process-wide default, so two hosts in one process (tests) never mix counters.
builder.Services.AddSingleton(_ => CollectorMetrics.CreateRegistry());
builder.Services.AddSingleton<CollectorMetrics>();
builder.Services.AddSingleton<RollupMetrics>();
builder.Services.AddSingleton<EnrichmentMetrics>();
builder.Services.AddProblemDetails();
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
builder.Services.AddRazorComponents().AddInteractiveServerComponents()
    // The circuit's start carries the prerendered pages' data back (Components/Prerendering): up to ~0.55 MB, see
    // PageDataJson.MaxPersistedChars; SignalR's default 32 kB would refuse it and the circuit would never start.
    .AddHubOptions(hub => hub.MaximumReceiveMessageSize = 1024 * 1024);
builder.Services.AddFlowVizUi();
builder.Services.AddFlowVizApi(builder.Configuration); // flows, interfaces, interface rules, OpenAPI
builder.Services.AddScopedFlowRecords(); // after AddFlowVizApi: raw flows through the viewer's scope
builder.Services.AddFlowVizSettings(); // stored local networks and application rules, the Settings page's editor
builder.Services.AddScopedInterfaceCatalog(); // after AddFlowVizApi: a tenant viewer lists only its scope's interfaces

var app = builder.Build();

await app.Services.GetRequiredService<MigrationRunner>().ApplyAsync(app.Lifetime.ApplicationStopping);
await app.Services.GetRequiredService<StoragePolicies>().ApplyAsync(app.Lifetime.ApplicationStopping);
// Before the collector and the rollup builder start: minute rollups for the whole configured retention (after 0011).
await app.Services.GetRequiredService<MinuteRollupBackfill>().RunAsync(app.Lifetime.ApplicationStopping);
// Before the collector starts (hosted services start in RunAsync): every flow is enriched by the stored settings.
await app.Services.GetRequiredService<EnrichmentRulesApplier>().LoadAsync(app.Lifetime.ApplicationStopping);
await AdminBootstrap.RunAsync(app.Services, DataDirectory.Resolve(builder.Configuration), app.Lifetime.ApplicationStopping);
if (await AccessCheck.RefusalAsync(app.Services, builder.Configuration) is { } refusal)
{
    Console.Error.WriteLine(refusal);
    return 1;
}

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
}
app.UseSecurityHeaders();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapHealthChecks("/healthz");
app.Services.GetRequiredService<CollectorMetrics>(); // creating it registers its scrape callback
app.Services.GetRequiredService<RollupMetrics>(); // likewise
app.Services.GetRequiredService<EnrichmentMetrics>(); // likewise
app.MapMetrics("/metrics", app.Services.GetRequiredService<CollectorRegistry>()).RequireAuthorization(AuthPolicies.Operator);
app.MapGroup("").RequireAuthorization(AuthPolicies.Operator).MapSettingsApi(); // local networks, application rules
// Reads that go through ITrafficQueries are scoped per tenant there (ScopedTrafficQueries), so tenant viewers may use them.
var readApi = app.MapGroup("").RequireAuthorization(AuthPolicies.Viewer);
readApi.MapTrafficApi();
readApi.MapAsAnalysisApi();
readApi.MapExportersApi();
readApi.MapFlowsApi(); // raw flows and CSV through the viewer's scope (ScopedFlowRecordQueries)
readApi.MapInterfacesApi(); // the list through the viewer's scope (ScopedInterfaceCatalog); "unclassified" is operator-only
// Raw flows, CSV, interfaces and classification rules read storage directly, not through the scoped
// query service: operators and admins only, until they apply the viewer's scope themselves.
app.MapGroup("").RequireAuthorization(AuthPolicies.Operator).MapFlowVizApi();
app.MapAccountEndpoints();
app.MapFlowVizOidc(); // /account/sso when Auth:Oidc is configured
app.MapAdminApi();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

await app.RunAsync();
return 0;
