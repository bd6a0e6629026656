using System.Globalization;
using System.Text;
using System.Text.Json;

namespace FlowViz.Generator.Load;

/// <summary>Exactly what a load run sent, per exporter and in total; the numbers a benchmark compares with what was stored.</summary>
public sealed record LoadReport(string Protocol, string Target, TimeSpan Elapsed, IReadOnlyList<ExporterTally> Exporters)
{
    public long Datagrams => Exporters.Sum(e => e.Datagrams);

    public long Flows => Exporters.Sum(e => e.Flows);

    public long Bytes => Exporters.Sum(e => e.Bytes);

    /// <summary>Flows per second achieved over the whole run (the offered rate, as the collector saw it).</summary>
    public double FlowsPerSecond => Elapsed > TimeSpan.Zero ? Flows / Elapsed.TotalSeconds : 0;

    public string ToText()
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"{Protocol} to {Target} in {Elapsed.TotalSeconds:F3} s: {Flows} flows in {Datagrams} datagrams, {Bytes} bytes ({FlowsPerSecond:F0} flows/s)");
        foreach (var e in Exporters)
        {
            text.AppendLine(c, $"  {e.Source,-22} {e.Datagrams,12} datagrams {e.Flows,14} flows {e.Bytes,16} bytes");
        }
        return text.ToString();
    }

    /// <summary>Written by hand with <see cref="Utf8JsonWriter"/>: stable field names, no reflection.</summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("protocol", Protocol);
            json.WriteString("target", Target);
            json.WriteNumber("elapsedSeconds", Math.Round(Elapsed.TotalSeconds, 6));
            json.WriteNumber("datagrams", Datagrams);
            json.WriteNumber("flows", Flows);
            json.WriteNumber("bytes", Bytes);
            json.WriteNumber("flowsPerSecond", Math.Round(FlowsPerSecond, 1));
            json.WriteStartArray("exporters");
            foreach (var e in Exporters)
            {
                json.WriteStartObject();
                json.WriteString("source", e.Source.ToString());
                json.WriteNumber("datagrams", e.Datagrams);
                json.WriteNumber("flows", e.Flows);
                json.WriteNumber("bytes", e.Bytes);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
