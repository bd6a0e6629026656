using System.Diagnostics.CodeAnalysis;
using FlowViz.Core.Flows;
using FlowViz.Protocols;

namespace FlowViz.Fuzzing;

/// <summary>
/// One fuzz target: a fresh <see cref="FlowDatagramDecoder"/> per input (so no input depends on an
/// earlier one), primed with a real template datagram for v9/IPFIX so that mutated data sets reach the
/// data-record paths instead of stopping at MissingTemplate. Any exception is a crash for AFL.
/// </summary>
internal sealed class FuzzTarget
{
    public static readonly string[] Names = ["v5", "v9", "ipfix", "sflow"];

    private static readonly DatagramContext Context =
        new(FlowAddress.Parse("192.0.2.1"), new DateTime(2026, 11, 23, 7, 0, 0, DateTimeKind.Utc));

    private readonly byte[]? _templates;

    private FuzzTarget(byte[]? templates) => _templates = templates;

    public static bool TryCreate(string name, [NotNullWhen(true)] out FuzzTarget? target)
    {
        target = name switch
        {
            "v5" or "sflow" => new FuzzTarget(null),
            "v9" or "ipfix" => new FuzzTarget(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "templates", name + ".bin"))),
            _ => null,
        };
        return target is not null;
    }

    public void Check(ReadOnlySpan<byte> input)
    {
        var decoder = new FlowDatagramDecoder(TimeProvider.System);
        var sink = new InvariantSink(Context);
        if (_templates is not null)
        {
            decoder.Decode(_templates, Context, sink);
            sink.Reset();
        }
        var result = decoder.Decode(input, Context, sink);
        if (!Enum.IsDefined(result.Status) || result.FlowCount != sink.Count || result.MissingTemplateSets < 0)
        {
            throw new InvalidOperationException($"Inconsistent result {result} for {sink.Count} flows emitted");
        }
    }
}
