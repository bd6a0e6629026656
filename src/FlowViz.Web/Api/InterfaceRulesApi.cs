using FlowViz.Core.Interfaces;
using FlowViz.Core.Versioning;
using FlowViz.Web.Settings;

namespace FlowViz.Web.Api;

/// <summary>
/// The versioned interface classification rules: read (any version), history, replace (validated; every error
/// named by its path such as <c>rules[2].name</c>) and preview (what candidate rules would make of each interface).
/// Saving re-classifies every interface and so all past traffic.
/// </summary>
internal static class InterfaceRulesApi
{
    public static IEndpointRouteBuilder MapInterfaceRulesApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/interface-rules").WithTags("Interfaces");
        group.MapGet("", GetAsync).WithName("GetInterfaceRules")
            .WithSummary("The classification rules in force (or of ?version=N), in order: the first matching rule classifies an interface");
        group.MapGet("/history", HistoryAsync).WithName("GetInterfaceRuleHistory")
            .WithSummary("Every saved version of the rules, newest first");
        group.MapPut("", PutAsync).WithName("ReplaceInterfaceRules")
            .WithSummary("Saves the rules as a new version and re-classifies every interface; 400 names each invalid field; 409 when `version` is given and not the version in force");
        group.MapPost("/preview", PreviewAsync).WithName("PreviewInterfaceRules")
            .WithSummary("What candidate rules would classify each known interface as, next to its current class; nothing is saved");
        return endpoints;
    }

    /// <summary>
    /// The body of PUT and preview. <see cref="Version"/>: the version the rules were edited from; when given and no
    /// longer in force, PUT answers 409 with the current version (optimistic concurrency; omitted: not checked).
    /// </summary>
    internal sealed record RulesBody(List<InterfaceRule>? Rules, string? Comment, long? Version = null);

    private static async Task<IResult> GetAsync(HttpRequest request, IInterfaceCatalog catalog, CancellationToken cancellationToken)
    {
        long? version = null;
        var text = request.Query["version"].ToString();
        if (text.Length > 0)
        {
            if (!long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v))
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["version"] = [$"'{text}' is not a version number."] });
            }
            version = v;
        }
        var rules = await catalog.RulesAsync(version, cancellationToken);
        return rules switch
        {
            null when version is not null => Results.Problem(statusCode: 404, title: $"There is no version {version} of the interface rules."),
            null => Results.Ok(new { Version = (long?)null, Source = (string?)null, Comment = (string?)null, CreatedAt = (DateTimeOffset?)null, Rules = Array.Empty<InterfaceRule>() }),
            _ => Results.Ok(Describe(rules)),
        };
    }

    private static async Task<IResult> HistoryAsync(IInterfaceCatalog catalog, CancellationToken cancellationToken)
    {
        var history = await catalog.RuleHistoryAsync(cancellationToken);
        return Results.Ok(new { Versions = history.Select(set => new { set.Version, set.Source, set.SavedBy, set.Comment, set.CreatedAt, RuleCount = set.Rules.Count }) });
    }

    private static async Task<IResult> PutAsync(RulesBody body, ISettingsEditor editor, HttpContext http, CancellationToken cancellationToken)
    {
        if (body.Rules is null)
        {
            return MissingRules();
        }
        try
        {
            // Through the settings editor: the save is audited like the Settings page's.
            return Results.Ok(Describe(await editor.SaveInterfaceRulesAsync(body.Rules, body.Version, SettingsApi.Who(http, body.Comment), cancellationToken)));
        }
        catch (InterfaceRulesException exception)
        {
            return Problem(exception);
        }
        catch (StaleVersionException exception)
        {
            return SettingsApi.Conflict(exception);
        }
    }

    private static async Task<IResult> PreviewAsync(RulesBody body, IInterfaceCatalog catalog, CancellationToken cancellationToken)
    {
        if (body.Rules is null)
        {
            return MissingRules();
        }
        try
        {
            var preview = await catalog.PreviewAsync(body.Rules, cancellationToken);
            return Results.Ok(new
            {
                Changed = preview.Count(p => p.Changed),
                Interfaces = preview.Select(p => new
                {
                    Exporter = p.Interface.Exporter.ToString(),
                    p.Interface.IfIndex,
                    p.Interface.Name,
                    p.Interface.Description,
                    p.Current,
                    p.Candidate,
                    Rule = p.RuleIndex,
                    p.Changed,
                    p.Error,
                }),
            });
        }
        catch (InterfaceRulesException exception)
        {
            return Problem(exception);
        }
    }

    private static object Describe(InterfaceRuleSet set) => new { set.Version, set.Source, set.SavedBy, set.Comment, set.CreatedAt, set.Rules };

    private static IResult MissingRules() =>
        Results.ValidationProblem(new Dictionary<string, string[]> { ["rules"] = ["is required: a list of rules (it may be empty)."] });

    private static IResult Problem(InterfaceRulesException exception) => Results.ValidationProblem(
        exception.Errors.GroupBy(e => e.Path).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));
}
