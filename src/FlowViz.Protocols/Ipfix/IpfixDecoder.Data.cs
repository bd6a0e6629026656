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
    private DecodeStatus ReadDataSet(ref FlowReader set, NetFlowV9Template template, in IpfixMessage message,
        IFlowRecordSink sink, ref int flows, ref int records)
    {
        var fields = template.FieldArray;
        var minLength = template.RecordLength;
        if (template.IsOptions)
        {
            while (set.Remaining >= minLength)
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
        // One lookup per Set: the domain's samplers and init time, if options data announced them.
        var domain = _options.Find(message.Exporter, FlowProtocol.Ipfix, message.ObservationDomainId);
        if (!template.HasVariableLengthFields)
        {
            // Fixed layout: minLength is the record length and each field sits at its compiled offset.
            while (set.TryReadSpan(minLength, out var fixedRecord))
            {
                var record = new IpfixRecord(message);
                foreach (var field in fields)
                {
                    record.Read(field.Kind, fixedRecord.Slice(field.Offset, field.Length));
                }
                record.Finish(message, domain);
                flows += record.Emit(sink);
                records++;
            }
            return DecodeStatus.Ok; // what is left is shorter than a record: padding (§3.3.1)
        }
        while (set.Remaining >= minLength)
        {
            var record = new IpfixRecord(message);
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
