using FlowViz.Core.Flows;
using FlowViz.Protocols.NetFlow9;
using IE = FlowViz.Protocols.Ipfix.IpfixInformationElement;

namespace FlowViz.Protocols.Ipfix;

public sealed partial class IpfixDecoder
{
    /// <summary>
    /// RFC 7011 §3.4.1 Template Records (Template ID, Field Count, Field Specifiers) and §3.4.2.2 Options
    /// Template Records (the same with a Scope Field Count after the Field Count). A Field Specifier is
    /// IE identifier and length, plus a 4-byte Enterprise Number when the identifier's bit 15 is set
    /// (§3.2). Field Count 0 withdraws a template (§8.1). Unchanged templates only refresh the cache.
    /// </summary>
    private DecodeStatus ReadTemplateSet(ref FlowReader set, in IpfixMessage message, bool isOptions)
    {
        var status = DecodeStatus.Ok;
        while (set.Remaining >= 4)
        {
            set.TryReadUInt16(out var templateId);
            set.TryReadUInt16(out var fieldCount);
            if (templateId == 0 && fieldCount == 0)
            {
                break; // padding (§3.3.1)
            }
            if (fieldCount == 0)
            {
                if (!Withdraw(templateId, message, isOptions))
                {
                    return DecodeStatus.Malformed;
                }
                continue;
            }
            if (templateId < MinDataSetId)
            {
                return DecodeStatus.Malformed;
            }
            var definitionStart = set.UnreadSpan;
            if (!SkipFieldSpecifiers(ref set, fieldCount, isOptions))
            {
                return DecodeStatus.Malformed; // the record runs past its Set's declared length
            }
            var definition = definitionStart[..(definitionStart.Length - set.Remaining)];
            var key = message.KeyFor(templateId);
            if (_templates.TryRefresh(key, definition))
            {
                continue;
            }
            if (Compile(templateId, isOptions, fieldCount, definition) is { } template)
            {
                _templates.Set(key, template);
            }
            else
            {
                status = DecodeStatus.Malformed;
            }
        }
        return status;
    }

    /// <summary>
    /// §8.1: a withdrawal names one template, or, with the Set's own ID (2 or 3) as Template ID, all data
    /// or all options templates of the observation domain ("All Data Templates Withdrawal").
    /// </summary>
    private bool Withdraw(ushort templateId, in IpfixMessage message, bool isOptions)
    {
        if (templateId == (isOptions ? OptionsTemplateSetId : TemplateSetId))
        {
            _templates.RemoveAll(message.Exporter, FlowProtocol.Ipfix, message.ObservationDomainId, isOptions);
            return true;
        }
        if (templateId < MinDataSetId)
        {
            return false;
        }
        _templates.Remove(message.KeyFor(templateId));
        return true;
    }

    private static bool SkipFieldSpecifiers(ref FlowReader set, ushort fieldCount, bool isOptions)
    {
        // §3.4.2.2: "The Scope Field Count MUST NOT be zero" and counts fields within Field Count.
        if (isOptions && (!set.TryReadUInt16(out var scopeCount) || scopeCount == 0 || scopeCount > fieldCount))
        {
            return false;
        }
        for (var i = 0; i < fieldCount; i++)
        {
            if (!set.TryReadUInt16(out var ie) | !set.TryReadUInt16(out _))
            {
                return false;
            }
            if ((ie & 0x8000) != 0 && !set.TryReadUInt32(out _))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// Compiles a checked definition: every field, skipped ones included, in order, so records with
    /// variable-length fields (§7) can be walked. Null when no record could ever be read (all lengths 0)
    /// or a record could not fit in a Set.
    /// </summary>
    private static NetFlowV9Template? Compile(ushort templateId, bool isOptions, ushort fieldCount, ReadOnlySpan<byte> definition)
    {
        var reader = new FlowReader(definition);
        if (isOptions)
        {
            reader.TryReadUInt16(out _); // scope field count: IPFIX scope fields are ordinary IEs
        }
        var fields = new TemplateField[fieldCount];
        var minLength = 0;
        var variable = false;
        for (var i = 0; i < fieldCount; i++)
        {
            reader.TryReadUInt16(out var ie);
            reader.TryReadUInt16(out var length);
            var enterprise = 0u;
            if ((ie & 0x8000) != 0)
            {
                reader.TryReadUInt32(out enterprise);
            }
            var kind = IpfixFieldCompiler.KindOf((ushort)(ie & 0x7FFF), enterprise, length);
            fields[i] = new TemplateField((ushort)Math.Min(minLength, ushort.MaxValue), length, kind);
            variable |= length == IE.VariableLength;
            minLength += length == IE.VariableLength ? 1 : length; // a variable-length field takes at least its 1-byte length
        }
        if (minLength is 0 or > ushort.MaxValue - HeaderLength - 4)
        {
            return null;
        }
        return NetFlowV9Template.ForIpfix(templateId, isOptions, minLength, fields, definition.ToArray(), variable);
    }
}
