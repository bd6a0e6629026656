namespace FlowViz.Core.Filtering;

/// <summary>
/// <c>flags SA</c>: every flag in <paramref name="Flags"/> is set in the flow's cumulative TCP flags.
/// Letters: C CWR, E ECE, U URG, A ACK, P PSH, R RST, S SYN, F FIN (RFC 9293 §3.1 bit order, high to low).
/// </summary>
public sealed record TcpFlagsFilter(byte Flags) : FilterExpression;
