namespace FlowViz.Core.Filtering;

/// <summary><c>proto tcp|udp|icmp|…|&lt;number&gt;</c>: the IP protocol number equals <paramref name="Protocol"/>.</summary>
public sealed record ProtocolFilter(byte Protocol) : FilterExpression;
