using System.Net;

namespace FlowViz.Core.Interfaces;

/// <summary>An interface that carried traffic in the range asked for but that no rule classifies.</summary>
/// <param name="Exporter">The exporter's address.</param>
/// <param name="IfIndex">The interface index.</param>
/// <param name="Name">Its name, when known.</param>
/// <param name="Description">Its description, when known.</param>
/// <param name="Flows">Flow records that entered or left through it.</param>
/// <param name="Bytes">Bytes those flows stand for (sampling applied), in and out added.</param>
public sealed record UnclassifiedInterface(IPAddress Exporter, long IfIndex, string? Name, string? Description, long Flows, long Bytes);
