namespace FlowViz.Protocols.NetFlow9;

public sealed partial class NetFlowV9Decoder
{
    /// <summary>
    /// RFC 3954 §5.2 Template FlowSet: template records of template ID (≥ 256), field count and
    /// field count × (type, length). Unchanged templates only refresh the cache.
    /// </summary>
    private DecodeStatus ReadTemplateFlowSet(ref FlowReader set, in NetFlowV9Packet packet)
    {
        var status = DecodeStatus.Ok;
        while (set.Remaining >= 4)
        {
            set.TryReadUInt16(out var templateId);
            set.TryReadUInt16(out var fieldCount);
            if (templateId == 0 && fieldCount == 0)
            {
                break; // zero padding to the 32-bit boundary (§5.2 "Padding")
            }
            if (templateId < MinDataFlowSetId || fieldCount == 0)
            {
                return DecodeStatus.Malformed;
            }
            if (!set.TryReadSpan(fieldCount * 4, out var fieldSpecifiers))
            {
                return DecodeStatus.Malformed; // the record runs past its FlowSet's declared length
            }
            if (!Store(packet.KeyFor(templateId), isOptions: false, fieldSpecifiers))
            {
                status = DecodeStatus.Malformed;
            }
        }
        return status;
    }

    /// <summary>
    /// RFC 3954 §6.1 Options Template FlowSet: template ID, option scope length and option length (both
    /// in bytes, 4 per field), the scope fields, the option fields, then padding.
    /// </summary>
    private DecodeStatus ReadOptionsTemplateFlowSet(ref FlowReader set, in NetFlowV9Packet packet)
    {
        var status = DecodeStatus.Ok;
        while (set.Remaining >= 6)
        {
            set.TryReadUInt16(out var templateId);
            set.TryReadUInt16(out var scopeLength);
            set.TryReadUInt16(out var optionLength);
            if (templateId == 0 && scopeLength == 0 && optionLength == 0)
            {
                break; // padding
            }
            if (templateId < MinDataFlowSetId || scopeLength % 4 != 0 || optionLength % 4 != 0)
            {
                return DecodeStatus.Malformed;
            }
            if (!set.TryReadSpan(scopeLength + optionLength, out var fieldSpecifiers))
            {
                return DecodeStatus.Malformed;
            }
            if (!Store(packet.KeyFor(templateId), isOptions: true, fieldSpecifiers, scopeLength / 4))
            {
                status = DecodeStatus.Malformed;
            }
        }
        return status;
    }

    private bool Store(in TemplateKey key, bool isOptions, ReadOnlySpan<byte> fieldSpecifiers, int scopeFieldCount = 0)
    {
        if (_templates.TryRefresh(key, fieldSpecifiers))
        {
            return true;
        }
        var template = NetFlowV9Template.Compile(key.TemplateId, isOptions, fieldSpecifiers, scopeFieldCount);
        if (template is null)
        {
            return false;
        }
        _templates.Set(key, template);
        return true;
    }
}
