using System.Text.Json.Serialization;

namespace FlowViz.Core.Queries;

/// <summary>One key of a top-N answer: <paramref name="Key"/> is machine-readable, <paramref name="Label"/> for people.</summary>
public sealed record TopRow(string Key, string Label, long Flows, long Packets, long Bytes)
{
    /// <summary>For input/output interface rows: the interface's ifName (options data or configuration); else null.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? InterfaceName { get; init; }

    /// <summary>For input/output interface rows: the interface's description (ifAlias/ifDescr or configuration); else null.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? InterfaceDescription { get; init; }
}
