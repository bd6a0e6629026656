using System.Net.Http.Json;
using System.Text.Json;
using FlowViz.Core.Flows;
using FlowViz.Enrichment;
using FlowViz.Storage.Settings;
using Microsoft.Extensions.DependencyInjection;

namespace FlowViz.EndToEnd.Tests;

/// <summary>
/// What a save puts in force: the saved list from the version in hand, and the other list as the database holds it,
/// so a save of it by another FlowViz instance on the same database is picked up (as it was before saves stopped
/// re-reading both lists).
/// </summary>
[Collection(SettingsAppCollection.Name)]
public sealed class SettingsInForceTests(SettingsApp fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SaveApplicationRules_NetworksSavedByAnotherInstance_AreInForceToo()
    {
        var store = fixture.App.Services.GetRequiredService<EnrichmentSettingsStore>();
        var live = fixture.App.Services.GetRequiredService<LiveEnrichmentRules>();
        // Another instance saves the local networks straight into the database; this one's enricher does not know yet.
        var networks = await store.Networks.ReadAsync(null, Cancellation);
        await store.Networks.SaveAsync([.. networks!.Rows, new LocalNetworkRow("other-instance", "100.64.1.0/24")], networks.Version,
            "elsewhere", "saved by another instance", Cancellation);
        var probe = FlowAddress.Parse("100.64.1.1");
        var swaps = live.Swaps;
        Assert.NotEqual("other-instance", live.Current.Networks.Find(probe)?.Name);

        var current = await fixture.App.Http.GetFromJsonAsync<JsonElement>("/api/v1/settings/applications", Cancellation);
        var rules = current.GetProperty("rules").Deserialize<List<ApplicationRuleRow>>(JsonSerializerOptions.Web)!;
        using var saved = await fixture.App.Http.PutAsJsonAsync("/api/v1/settings/applications",
            new { version = current.GetProperty("version").GetInt64(), rules, comment = "same rules, new version" }, Cancellation);

        saved.EnsureSuccessStatusCode();
        Assert.Equal("other-instance", live.Current.Networks.Find(probe)?.Name);
        Assert.Equal(swaps + 1, live.Swaps);
    }
}
