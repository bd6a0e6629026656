using System.Text.Json;
using System.Text.Json.Serialization;
using FlowViz.Core.Queries;

namespace FlowViz.Web.Components.Prerendering;

/// <summary>
/// How a page's data records travel from prerender to circuit. Own options rather than the framework's: the data holds
/// named tuples (fields), statistics that may be NaN, and <see cref="TimeRange"/>, a struct whose validating
/// constructor System.Text.Json would bypass.
/// </summary>
public static class PageDataJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        IncludeFields = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new TimeRangeConverter(), new SeriesPointConverter() },
    };

    /// <summary>
    /// Larger data is not carried over (the page queries again): the state travels in the HTML and back up with the
    /// circuit's start, about twice its size once encoded and protected, under Program.cs's 1 MB hub message limit.
    /// </summary>
    public const int MaxPersistedChars = 256 * 1024;

    /// <summary>The value as a JSON element, or null when its JSON is longer than <see cref="MaxPersistedChars"/>.</summary>
    public static JsonElement? ToElement<T>(T value)
    {
        var utf8 = JsonSerializer.SerializeToUtf8Bytes(value, Options);
        if (utf8.Length > MaxPersistedChars)
        {
            return null;
        }
        using var document = JsonDocument.Parse(utf8);
        return document.RootElement.Clone();
    }

    public static T? FromElement<T>(JsonElement element) => element.Deserialize<T>(Options);

    /// <summary>
    /// A point as <c>[unixSeconds, rate]</c>: series points are most of a graph page's data, and as objects their two
    /// names doubled the state the HTML carries and the circuit's first message sends back.
    /// </summary>
    private sealed class SeriesPointConverter : JsonConverter<SeriesPoint>
    {
        public override SeriesPoint Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartArray || !reader.Read() || !reader.TryGetInt64(out var seconds) || !reader.Read())
            {
                throw new JsonException("A series point is [unixSeconds, rate].");
            }
            var rate = JsonSerializer.Deserialize<double>(ref reader, options); // NaN comes as "NaN"
            if (!reader.Read() || reader.TokenType != JsonTokenType.EndArray)
            {
                throw new JsonException("A series point is [unixSeconds, rate].");
            }
            return new SeriesPoint(seconds, rate);
        }

        public override void Write(Utf8JsonWriter writer, SeriesPoint value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(value.UnixSeconds);
            JsonSerializer.Serialize(writer, value.Rate, options);
            writer.WriteEndArray();
        }
    }

    private sealed class TimeRangeConverter : JsonConverter<TimeRange>
    {
        private sealed record Wire(DateTimeOffset From, DateTimeOffset To);

        public override TimeRange Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var wire = JsonSerializer.Deserialize<Wire>(ref reader, options) ?? throw new JsonException("A time range cannot be null.");
            return new TimeRange(wire.From, wire.To);
        }

        public override void Write(Utf8JsonWriter writer, TimeRange value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, new Wire(value.From, value.To), options);
    }
}
