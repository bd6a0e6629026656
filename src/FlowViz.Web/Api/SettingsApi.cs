using System.Security.Claims;
using FlowViz.Core.Versioning;
using FlowViz.Enrichment;
using FlowViz.Storage.Settings;
using FlowViz.Web.Settings;

namespace FlowViz.Web.Api;

/// <summary>
/// The versioned local networks and application rules: read, history, preview on the last hour, and replace. A PUT
/// names the version it edited: 409 with the version in force when someone saved since; 400 names each bad field by
/// its path (<c>networks[2].prefix</c>, <c>rules[0].ports</c>). Saving puts the new version in force for every
/// flow the collector enriches from then on.
/// </summary>
internal static class SettingsApi
{
    public static IEndpointRouteBuilder MapSettingsApi(this IEndpointRouteBuilder endpoints)
    {
        var networks = endpoints.MapGroup("/api/v1/settings/networks").WithTags("Settings");
        networks.MapGet("", async (ISettingsEditor editor, CancellationToken ct) => Results.Ok(Describe(await editor.Networks.CurrentAsync(ct), "networks")))
            .WithName("GetLocalNetworks").WithSummary("The local networks in force (an empty list means the private and documentation ranges)");
        networks.MapGet("/history", async (ISettingsEditor editor, CancellationToken ct) =>
            Results.Ok(new { Versions = (await editor.Networks.HistoryAsync(ct)).Select(v => Describe(v, "networks")) }))
            .WithName("GetLocalNetworkHistory").WithSummary("Every saved version of the local networks, newest first");
        networks.MapPut("", PutNetworksAsync).WithName("ReplaceLocalNetworks")
            .WithSummary("Saves the networks as a new version and applies them to new flows; 409 when `version` is not the version in force");
        networks.MapPost("/preview", PreviewNetworksAsync).WithName("PreviewLocalNetworks")
            .WithSummary("Bytes in/out/internal/transit of the last hour as stored and with the candidate networks; nothing is saved");

        var rules = endpoints.MapGroup("/api/v1/settings/applications").WithTags("Settings");
        rules.MapGet("", async (ISettingsEditor editor, CancellationToken ct) => Results.Ok(Describe(await editor.Applications.CurrentAsync(ct), "rules")))
            .WithName("GetApplicationRules").WithSummary("The application rules in force, in order (they add to and override the built-in rules)");
        rules.MapGet("/history", async (ISettingsEditor editor, CancellationToken ct) =>
            Results.Ok(new { Versions = (await editor.Applications.HistoryAsync(ct)).Select(v => Describe(v, "rules")) }))
            .WithName("GetApplicationRuleHistory").WithSummary("Every saved version of the application rules, newest first");
        rules.MapPut("", PutApplicationsAsync).WithName("ReplaceApplicationRules")
            .WithSummary("Saves the rules as a new version and applies them to new flows; 409 when `version` is not the version in force");
        rules.MapPost("/preview", PreviewApplicationsAsync).WithName("PreviewApplicationRules")
            .WithSummary("Top applications of the last hour as stored and as the candidate rules name them; nothing is saved");
        return endpoints;
    }

    internal sealed record NetworksBody(long? Version, List<LocalNetworkRow>? Networks, string? Comment);

    internal sealed record ApplicationsBody(long? Version, List<ApplicationRuleRow>? Rules, string? Comment);

    private static Task<IResult> PutNetworksAsync(NetworksBody body, ISettingsEditor editor, HttpContext http, CancellationToken ct) =>
        body.Networks is null
            ? Task.FromResult(Missing("networks"))
            : SaveAsync("networks", async () => Describe(await editor.Networks.SaveAsync(body.Networks, body.Version, Who(http, body.Comment), ct), "networks"));

    private static Task<IResult> PutApplicationsAsync(ApplicationsBody body, ISettingsEditor editor, HttpContext http, CancellationToken ct) =>
        body.Rules is null
            ? Task.FromResult(Missing("rules"))
            : SaveAsync("rules", async () => Describe(await editor.Applications.SaveAsync(body.Rules, body.Version, Who(http, body.Comment), ct), "rules"));

    private static Task<IResult> PreviewNetworksAsync(NetworksBody body, ISettingsEditor editor, CancellationToken ct) =>
        body.Networks is null ? Task.FromResult(Missing("networks")) : SaveAsync("networks", async () => await editor.Networks.PreviewAsync(body.Networks, ct));

    private static Task<IResult> PreviewApplicationsAsync(ApplicationsBody body, ISettingsEditor editor, CancellationToken ct) =>
        body.Rules is null ? Task.FromResult(Missing("rules")) : SaveAsync("rules", async () => await editor.Applications.PreviewAsync(body.Rules, ct));

    /// <summary>Runs a save or preview and turns its refusals into 400 (per field) or 409 (stale version).</summary>
    private static async Task<IResult> SaveAsync(string list, Func<Task<object>> action)
    {
        try
        {
            return Results.Ok(await action());
        }
        catch (SettingsValidationException exception)
        {
            return Invalid(list, exception.Errors);
        }
        catch (StaleVersionException exception)
        {
            return Conflict(exception);
        }
    }

    internal static IResult Conflict(StaleVersionException exception) => Results.Problem(
        statusCode: StatusCodes.Status409Conflict, title: "Saved by someone else meanwhile", detail: exception.Message,
        extensions: new Dictionary<string, object?> { ["currentVersion"] = exception.CurrentVersion, ["editedVersion"] = exception.EditedVersion });

    internal static SettingsSave Who(HttpContext http, string? comment) =>
        new(http.User.FindFirstValue(ClaimTypes.Name) ?? http.User.Identity?.Name, http.Connection.RemoteIpAddress?.ToString(), string.IsNullOrWhiteSpace(comment) ? null : comment.Trim());

    private static IResult Invalid(string list, IReadOnlyList<RowError> errors) => Results.ValidationProblem(
        errors.GroupBy(e => $"{list}[{e.Row}].{e.Field}").ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));

    private static IResult Missing(string list) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [list] = ["is required: a list (it may be empty)."] });

    private static object Describe<TRow>(SettingsVersion<TRow>? version, string list) => new Dictionary<string, object?>
    {
        ["version"] = version?.Version,
        ["source"] = version?.Source,
        ["savedBy"] = version?.SavedBy,
        ["comment"] = version?.Comment,
        ["createdAt"] = version?.CreatedAt,
        [list] = version?.Rows ?? [],
    };
}
