using System.Buffers.Binary;

namespace FlowViz.Protocols.NetFlow9;

/// <summary>
/// A template record compiled for decoding: the fields FlowViz stores, each with its offset in the data
/// record, so a data record is decoded by one pass over <see cref="Fields"/>. The raw definition is kept
/// so a resent, unchanged template only refreshes the cache instead of being compiled again.
/// </summary>
public sealed class NetFlowV9Template
{
    private readonly byte[] _definition;

    private NetFlowV9Template(ushort templateId, bool isOptions, int recordLength, TemplateField[] fields, byte[] definition)
    {
        TemplateId = templateId;
        IsOptions = isOptions;
        RecordLength = recordLength;
        Fields = fields;
        _definition = definition;
    }

    public ushort TemplateId { get; }

    /// <summary>True for an options template (FlowSet ID 1): its data records describe the exporter, not flows.</summary>
    public bool IsOptions { get; }

    /// <summary>Length of one data record: the sum of all field lengths, stored or skipped.</summary>
    public int RecordLength { get; }

    /// <summary>The stored fields in template order; skipped fields are left out.</summary>
    public IReadOnlyList<TemplateField> Fields { get; }

    internal TemplateField[] FieldArray => (TemplateField[])Fields;

    /// <summary>Whether <paramref name="definition"/> is the same field list this template was compiled from.</summary>
    public bool Matches(ReadOnlySpan<byte> definition) => definition.SequenceEqual(_definition);

    /// <summary>
    /// Compiles a field list: <paramref name="fieldSpecifiers"/> holds (type, length) pairs of 2 bytes
    /// each (RFC 3954 §5.2; for options templates §6.1 the scope fields followed by the option fields).
    /// Returns null when the record length is 0 (no data record could ever be read, and a data FlowSet
    /// would never advance) or exceeds what a FlowSet can hold.
    /// </summary>
    public static NetFlowV9Template? Compile(ushort templateId, bool isOptions, ReadOnlySpan<byte> fieldSpecifiers)
    {
        var count = fieldSpecifiers.Length / 4;
        var fields = new List<TemplateField>(count);
        var offset = 0;
        for (var i = 0; i < count; i++)
        {
            var type = BinaryPrimitives.ReadUInt16BigEndian(fieldSpecifiers[(i * 4)..]);
            var length = BinaryPrimitives.ReadUInt16BigEndian(fieldSpecifiers[(i * 4 + 2)..]);
            var kind = isOptions ? OptionsKindOf(type, length) : TemplateFieldCompiler.KindOf(type, length);
            if (offset > ushort.MaxValue)
            {
                return null;
            }
            if (kind != TemplateFieldKind.Skip)
            {
                fields.Add(new TemplateField((ushort)offset, length, kind));
            }
            offset += length;
        }
        if (offset is 0 or > ushort.MaxValue - 4)
        {
            return null;
        }
        return new NetFlowV9Template(templateId, isOptions, offset, [.. fields], fieldSpecifiers.ToArray());
    }

    // Options records are parsed only for their length for now; the sampling interval they may carry
    // (RFC 3954 §6.1, scope "System" or "Interface") is the one field worth reading later.
    private static TemplateFieldKind OptionsKindOf(ushort type, ushort length) =>
        type == NetFlowV9FieldType.SamplingInterval && length is >= 1 and <= 8
            ? TemplateFieldKind.SamplingInterval
            : TemplateFieldKind.Skip;
}
