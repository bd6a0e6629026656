using FlowViz.Core.Flows;
using FlowViz.Protocols.NetFlow9;

namespace FlowViz.Protocols.Ipfix;

/// <summary>
/// The flow start and end times of an IPFIX data record, from whichever encodings the exporter chose
/// (RFC 7012 §5.9 "Timestamps"). Absolute times win over flowStart/EndSysUpTime, which win over the
/// delta forms; a record without any gets the message's export time (RFC 7011 §3.1 "Export Time").
/// Implausible times (before 1990, from 2100) are treated as absent, so garbage never reaches storage.
/// </summary>
internal struct IpfixRecordTimes
{
    private DateTime _start, _end;
    private ulong _systemInitMs, _startDeltaUs, _endDeltaUs;
    private uint _startUptime, _endUptime;
    private Forms _has;

    /// <summary>Whether <paramref name="kind"/> is a time field; if so its value is kept.</summary>
    public bool TryRead(TemplateFieldKind kind, ulong value)
    {
        switch (kind)
        {
            // dateTimeSeconds (RFC 7011 §6.1.7); dateTimeMilliseconds (§6.1.8): since the Unix epoch.
            case TemplateFieldKind.StartSeconds: SetStart(IpfixTime.TryFromUnixSeconds(value, out var t), t); return true;
            case TemplateFieldKind.EndSeconds: SetEnd(IpfixTime.TryFromUnixSeconds(value, out t), t); return true;
            case TemplateFieldKind.StartMilliseconds: SetStart(IpfixTime.TryFromUnixMilliseconds(value, out t), t); return true;
            case TemplateFieldKind.EndMilliseconds: SetEnd(IpfixTime.TryFromUnixMilliseconds(value, out t), t); return true;
            case TemplateFieldKind.StartMicroseconds or TemplateFieldKind.StartNanoseconds: SetStart(IpfixTime.TryFromNtp(value, out t), t); return true;
            case TemplateFieldKind.EndMicroseconds or TemplateFieldKind.EndNanoseconds: SetEnd(IpfixTime.TryFromNtp(value, out t), t); return true;
            case TemplateFieldKind.FirstSwitched: _startUptime = (uint)value; _has |= Forms.StartUptime; return true;
            case TemplateFieldKind.LastSwitched: _endUptime = (uint)value; _has |= Forms.EndUptime; return true;
            case TemplateFieldKind.SystemInitTime: _systemInitMs = value; _has |= Forms.SystemInit; return true;
            case TemplateFieldKind.StartDeltaMicroseconds: _startDeltaUs = value; _has |= Forms.StartDelta; return true;
            case TemplateFieldKind.EndDeltaMicroseconds: _endDeltaUs = value; _has |= Forms.EndDelta; return true;
            default: return false;
        }
    }

    private void SetStart(bool ok, DateTime time)
    {
        if (ok) { _start = time; _has |= Forms.Start; }
    }

    private void SetEnd(bool ok, DateTime time)
    {
        if (ok) { _end = time; _has |= Forms.End; }
    }

    /// <summary>Sets the flow's times; <paramref name="domainSystemInitMs"/> is IE 160 from options data, if any.</summary>
    public readonly void Resolve(in IpfixMessage message, long? domainSystemInitMs, ref FlowRecord flow)
    {
        var export = message.FlowTimeBaseUtc;
        var systemInit = Has(Forms.SystemInit) ? (long)Math.Min(_systemInitMs, long.MaxValue) : domainSystemInitMs;
        var (start, hasStart) = (_start, Has(Forms.Start));
        var (end, hasEnd) = (_end, Has(Forms.End));
        if (!hasStart && Has(Forms.StartUptime))
        {
            hasStart = FromUptime(_startUptime, isEnd: false, systemInit, export, out start);
        }
        if (!hasEnd && Has(Forms.EndUptime))
        {
            hasEnd = FromUptime(_endUptime, isEnd: true, systemInit, export, out end);
        }
        // flowStart/EndDeltaMicroseconds (158/159): "the difference between the export time and the time of the flow".
        if (!hasStart && Has(Forms.StartDelta))
        {
            hasStart = IpfixTime.TryBefore(export, _startDeltaUs, out start);
        }
        if (!hasEnd && Has(Forms.EndDelta))
        {
            hasEnd = IpfixTime.TryBefore(export, _endDeltaUs, out end);
        }
        // One of the two only: a zero-length flow rather than one that ends before it starts.
        flow.TimeStart = hasStart ? start : hasEnd ? end : export;
        flow.TimeEnd = hasEnd ? end : hasStart ? start : export;
    }

    /// <summary>
    /// flowStart/EndSysUpTime (22/21) are milliseconds since the exporter's systemInitTimeMilliseconds (160),
    /// sent in the record or in options data (softflowd does the latter). Without it the uptime cannot be
    /// placed, so the flow is taken to end at the export time, keeping the duration between the two uptimes
    /// (as v9 does with the header's sysUptime).
    /// </summary>
    private readonly bool FromUptime(uint uptime, bool isEnd, long? systemInitMs, DateTime export, out DateTime time)
    {
        if (systemInitMs is { } init)
        {
            return IpfixTime.TryFromUnixMilliseconds((ulong)init + uptime, out time);
        }
        var durationMs = Has(Forms.StartUptime | Forms.EndUptime) ? unchecked((int)(_endUptime - _startUptime)) : 0;
        return IpfixTime.TryAddMilliseconds(export, isEnd ? 0 : -Math.Max(durationMs, 0), out time);
    }

    private readonly bool Has(Forms forms) => (_has & forms) == forms;

    [Flags]
    private enum Forms : byte
    {
        Start = 1,
        End = 2,
        StartUptime = 4,
        EndUptime = 8,
        SystemInit = 16,
        StartDelta = 32,
        EndDelta = 64,
    }
}
