using System.Text.Json;
using System.Text.Json.Serialization;
using FlowViz.Core.Interfaces;

namespace FlowViz.Storage.Interfaces;

/// <summary>How rule sets are stored in interface_rule_sets.rules: the API's JSON form, camelCase, nulls left out.</summary>
internal static class InterfaceRuleJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(IReadOnlyList<InterfaceRule> rules) => JsonSerializer.Serialize(rules, Options);

    public static IReadOnlyList<InterfaceRule> Deserialize(string json) =>
        JsonSerializer.Deserialize<List<InterfaceRule>>(json, Options) ?? [];
}
