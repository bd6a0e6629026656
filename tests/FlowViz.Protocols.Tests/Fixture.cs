using FlowViz.Core.Flows;

namespace FlowViz.Protocols.Tests;

/// <summary>Captured datagrams from Fixtures/ (copied to the output directory) and the context they are decoded in.</summary>
internal static class Fixture
{
    public static readonly FlowAddress Exporter = FlowAddress.Parse("127.0.0.1");

    public static readonly DateTime ReceivedUtc = new(2026, 11, 23, 7, 0, 0, DateTimeKind.Utc);

    public static readonly DatagramContext Context = new(Exporter, ReceivedUtc);

    public static byte[] Payload(string relativePath) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", relativePath));

    public static IEnumerable<string> All(string directory) =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", directory), "*.bin")
            .Order(StringComparer.Ordinal)
            .Select(path => Path.Combine(directory, Path.GetFileName(path)));

    public static DateTime Utc(string text) =>
        DateTime.Parse(text, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal);
}
