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

    private NetFlowV9Template(ushort templateId, bool isOptions, int recordLength, TemplateField[] fields, byte[] definition,
        bool hasVariableLengthFields = false)
    {
        TemplateId = templateId;
        IsOptions = isOptions;
        RecordLength = recordLength;
        Fields = fields;
        _definition = definition;
        HasVariableLengthFields = hasVariableLengthFields;
    }

    /// <summary>
    /// IPFIX templates (RFC 7011 §7) may hold variable-length fields (length 65535): then field offsets
    /// are not fixed, <see cref="RecordLength"/> is the shortest possible record and <see cref="Fields"/>
    /// lists every field, skipped ones included, to be walked in order. IPFIX templates always list every
    /// field; v9 templates only the stored ones.
    /// </summary>
    public bool HasVariableLengthFields { get; }

    /// <summary>An IPFIX template compiled by the IPFIX decoder: every field in order, with its kind.</summary>
    internal static NetFlowV9Template ForIpfix(ushort templateId, bool isOptions, int minRecordLength,
        TemplateField[] fields, byte[] definition, bool hasVariableLengthFields) =>
        new(templateId, isOptions, minRecordLength, fields, definition, hasVariableLengthFields);

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
    /// would never advance) or exceeds what a FlowSet can hold. The first <paramref name="scopeFieldCount"/>
    /// fields of an options template are scope fields, whose types are scope types (§6.1), not field types.
    /// </summary>
    public static NetFlowV9Template? Compile(ushort templateId, bool isOptions, ReadOnlySpan<byte> fieldSpecifiers,
        int scopeFieldCount = 0)
    {
        var count = fieldSpecifiers.Length / 4;
        var fields = new List<TemplateField>(count);
        var offset = 0;
        for (var i = 0; i < count; i++)
        {
            var type = BinaryPrimitives.ReadUInt16BigEndian(fieldSpecifiers[(i * 4)..]);
            var length = BinaryPrimitives.ReadUInt16BigEndian(fieldSpecifiers[(i * 4 + 2)..]);
            var kind = !isOptions ? TemplateFieldCompiler.KindOf(type, length)
                : i < scopeFieldCount ? ScopeKindOf(type, length) : OptionsKindOf(type, length);
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

    // RFC 3954 §6.1 scope types: 1 System, 2 Interface, 3 Line Card, 4 Cache, 5 Template. Only the
    // interface (an ifIndex) says something FlowViz keeps: which interface a name belongs to.
    private static TemplateFieldKind ScopeKindOf(ushort type, ushort length) =>
        type == 2 && length is >= 1 and <= 8 ? TemplateFieldKind.InputInterface : TemplateFieldKind.Skip;

    // Option fields worth reading: the sampler (Cisco Flexible NetFlow sends FLOW_SAMPLER_ID 48,
    // FLOW_SAMPLER_MODE 49, FLOW_SAMPLER_RANDOM_INTERVAL 50; older IOS SAMPLING_INTERVAL 34 and
    // SAMPLING_ALGORITHM 35 with scope System or Interface) and interface names (IF_NAME 82, IF_DESC 83).
    private static TemplateFieldKind OptionsKindOf(ushort type, ushort length)
    {
        var kind = type switch
        {
            NetFlowV9FieldType.SamplingInterval or NetFlowV9FieldType.FlowSamplerRandomInterval
                => TemplateFieldKind.SamplingInterval,
            NetFlowV9FieldType.SamplingAlgorithm or NetFlowV9FieldType.FlowSamplerMode => TemplateFieldKind.SamplerMode,
            NetFlowV9FieldType.FlowSamplerId => TemplateFieldKind.SamplerId,
            NetFlowV9FieldType.InputSnmp => TemplateFieldKind.InputInterface,
            NetFlowV9FieldType.IfName => TemplateFieldKind.InterfaceName,
            NetFlowV9FieldType.IfDesc => TemplateFieldKind.InterfaceDescription,
            _ => TemplateFieldKind.Skip,
        };
        return kind switch
        {
            TemplateFieldKind.Skip or TemplateFieldKind.InterfaceName or TemplateFieldKind.InterfaceDescription => kind,
            _ => length is >= 1 and <= 8 ? kind : TemplateFieldKind.Skip,
        };
    }
}
