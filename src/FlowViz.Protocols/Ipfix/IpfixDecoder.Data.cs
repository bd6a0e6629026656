using System.Runtime.CompilerServices;
using FlowViz.Core.Flows;
using FlowViz.Protocols.NetFlow9;
using FlowViz.Protocols.OptionsData;
using IE = FlowViz.Protocols.Ipfix.IpfixInformationElement;

namespace FlowViz.Protocols.Ipfix;

public sealed partial class IpfixDecoder
{
    /// <summary>
    /// RFC 7011 §3.4.3 Data Records, back to back, then padding shorter than the shortest record
    /// (§3.3.1). Options data records (§3.4.2.2) are not flows: their samplers, init time and interface
    /// names are remembered. Flows counts what was emitted; records counts Data Records read, options data
    /// included, since that is what the message header's sequence number counts (§3.1).
    /// </summary>
    // Not inlined into ReadSet: its record buffers would then be zeroed for every Set, template Sets too.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private DecodeStatus ReadDataSet(ref FlowReader set, NetFlowV9Template template, in IpfixMessage message,
        ref DatagramLookups lookups, IFlowRecordSink sink, ref int flows, ref int records)
    {
        if (template.IsOptions)
        {
            lookups.Forget(); // the options may announce the domain's first sampler or init time
            return ReadOptionsDataSet(ref set, template, message, sink, ref records);
        }
        // The domain's samplers and init time, if options data announced them.
        var domain = lookups.Domain(message.Exporter, FlowProtocol.Ipfix, message.ObservationDomainId);
        return template.HasVariableLengthFields
            ? ReadVariableDataSet(ref set, template, message, domain, sink, ref flows, ref records)
            : ReadFixedDataSet(ref set, template, message, domain, sink, ref flows, ref records);
    }

    /// <summary>Records without variable-length fields: each field sits at its compiled offset.</summary>
    private static DecodeStatus ReadFixedDataSet(ref FlowReader set, NetFlowV9Template template, in IpfixMessage message,
        ExporterDomainOptions? domain, IFlowRecordSink sink, ref int flows, ref int records)
    {
        var fields = template.FieldArray;
        var record = default(IpfixRecord);
        while (set.TryReadSpan(template.RecordLength, out var bytes))
        {
            record.Start(message);
            foreach (var field in fields)
            {
                record.Read(field.Kind, bytes.Slice(field.Offset, field.Length));
            }
            record.Finish(message, domain);
            flows += record.Emit(sink);
            records++;
        }
        return DecodeStatus.Ok; // what is left is shorter than a record: padding (§3.3.1)
    }

    /// <summary>Records with variable-length fields (§7): walked field by field.</summary>
    private static DecodeStatus ReadVariableDataSet(ref FlowReader set, NetFlowV9Template template, in IpfixMessage message,
        ExporterDomainOptions? domain, IFlowRecordSink sink, ref int flows, ref int records)
    {
        var fields = template.FieldArray;
        var record = default(IpfixRecord);
        while (set.Remaining >= template.RecordLength)
        {
            record.Start(message);
            if (!TryReadFlowRecord(ref set, fields, ref record))
            {
                return Rest(ref set);
            }
            record.Finish(message, domain);
            flows += record.Emit(sink);
            records++;
        }
        return DecodeStatus.Ok;
    }

    private DecodeStatus ReadOptionsDataSet(ref FlowReader set, NetFlowV9Template template, in IpfixMessage message,
        IFlowRecordSink sink, ref int records)
    {
        var fields = template.FieldArray;
        while (set.Remaining >= template.RecordLength)
        {
            var options = default(OptionsRecord);
            if (!TryReadOptionsRecord(ref set, fields, ref options))
            {
                return Rest(ref set);
            }
            options.Apply(_options, sink, message.Exporter, FlowProtocol.Ipfix, message.ObservationDomainId);
            records++;
        }
        return DecodeStatus.Ok;
    }

    private static bool TryReadFlowRecord(ref FlowReader set, TemplateField[] fields, ref IpfixRecord record)
    {
        foreach (var field in fields)
        {
            if (!TryReadField(ref set, field.Length, out var value))
            {
                return false;
            }
            record.Read(field.Kind, value);
        }
        return true;
    }

    private static bool TryReadOptionsRecord(ref FlowReader set, TemplateField[] fields, ref OptionsRecord record)
    {
        foreach (var field in fields)
        {
            if (!TryReadField(ref set, field.Length, out var value))
            {
                return false;
            }
            record.Read(field.Kind, value);
        }
        return true;
    }

    /// <summary>
    /// §7: a variable-length field starts with its length in 1 byte, or, for 255 and more, the byte 255
    /// followed by the length in 2 bytes.
    /// </summary>
    private static bool TryReadField(scoped ref FlowReader set, ushort length, out ReadOnlySpan<byte> value)
    {
        if (length == IE.VariableLength)
        {
            if (!set.TryReadByte(out var shortLength))
            {
                value = default;
                return false;
            }
            length = shortLength;
            if (shortLength == 255 && !set.TryReadUInt16(out length))
            {
                value = default;
                return false;
            }
        }
        return set.TryReadSpan(length, out value);
    }

    // A record cut short: zero bytes are padding, anything else a record that overruns its Set.
    private static DecodeStatus Rest(ref FlowReader set) =>
        set.UnreadSpan.ContainsAnyExcept((byte)0) ? DecodeStatus.Malformed : DecodeStatus.Ok;
}
