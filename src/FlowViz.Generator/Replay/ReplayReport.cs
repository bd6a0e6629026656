using System.Globalization;
using System.Text;
using System.Text.Json;

namespace FlowViz.Generator.Replay;

/// <summary>What a replay sent: per source of the capture and in total, plus the records it could not replay.</summary>
public sealed record ReplayReport(string File, string Target, long Records, long Skipped, TimeSpan Elapsed, IReadOnlyList<ReplaySource> Sources)
{
    public long Datagrams => Sources.Sum(s => s.Datagrams);

    public long Bytes => Sources.Sum(s => s.Bytes);

    public string ToText()
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(c, $"{File} to {Target} in {Elapsed.TotalSeconds:F3} s: {Datagrams} datagrams, {Bytes} bytes; {Records} records read, {Skipped} not UDP/whole (skipped)");
        foreach (var s in Sources)
        {
            text.AppendLine(c, $"  {s.Original,-40} from {s.SentFrom,-22} {s.Datagrams,10} datagrams {s.Bytes,14} bytes");
        }
        return text.ToString();
    }

    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("file", File);
            json.WriteString("target", Target);
            json.WriteNumber("elapsedSeconds", Math.Round(Elapsed.TotalSeconds, 6));
            json.WriteNumber("records", Records);
            json.WriteNumber("skipped", Skipped);
            json.WriteNumber("datagrams", Datagrams);
            json.WriteNumber("bytes", Bytes);
            json.WriteStartArray("sources");
            foreach (var s in Sources)
            {
                json.WriteStartObject();
                json.WriteString("original", s.Original.ToString());
                json.WriteString("sentFrom", s.SentFrom.ToString());
                json.WriteNumber("datagrams", s.Datagrams);
                json.WriteNumber("bytes", s.Bytes);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
