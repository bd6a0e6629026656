using System.Text.Json;

namespace FlowViz.Storage.Tests.Timescale;

/// <summary>
/// Query results as JSON text: the result records hold lists, whose record equality is by reference, and a
/// text diff also shows where two answers differ.
/// </summary>
public static class QueryResults
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Text<T>(T result) => JsonSerializer.Serialize(result, Indented);
}
