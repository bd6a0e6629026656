namespace FlowViz.Protocols;

/// <summary>
/// How decoding a datagram went. Decoders never throw on bad input: they return one of these, and the
/// collector counts every status other than <see cref="Ok"/> per exporter and reason.
/// </summary>
public enum DecodeStatus
{
    Ok = 0,

    /// <summary>Shorter than its header or a declared length says.</summary>
    Truncated,

    /// <summary>The version field names a format FlowViz does not decode.</summary>
    UnsupportedVersion,

    /// <summary>A length, count or field is impossible (e.g. a set length below its header).</summary>
    Malformed,

    /// <summary>
    /// Some data sets referred to a template not (yet) received. Normal after a restart: exporters
    /// resend templates periodically.
    /// </summary>
    MissingTemplate,
}
