using System.Net;
using System.Text.RegularExpressions;

namespace FlowViz.Core.Interfaces;

/// <summary>One checked rule, ready to match: the exporter network parsed, the expressions compiled with a timeout.</summary>
internal sealed class CompiledInterfaceRule(
    IPNetwork? exporter, long? ifIndex, Regex? name, Regex? description,
    LabelTemplate? connectivity, LabelTemplate? provider, string? boundary)
{
    /// <summary>
    /// The class this rule gives the interface, or null when it does not match. Throws
    /// <see cref="RegexMatchTimeoutException"/> when an expression runs longer than its timeout.
    /// </summary>
    public InterfaceClass? Match(IPAddress interfaceExporter, long interfaceIndex, string? interfaceName, string? interfaceDescription)
    {
        if (exporter is { } network && !network.Contains(interfaceExporter))
        {
            return null;
        }
        if (ifIndex is { } index && index != interfaceIndex)
        {
            return null;
        }
        Match? nameMatch = null;
        if (name is not null && (interfaceName is null || !(nameMatch = name.Match(interfaceName)).Success))
        {
            return null;
        }
        Match? descriptionMatch = null;
        if (description is not null && (interfaceDescription is null || !(descriptionMatch = description.Match(interfaceDescription)).Success))
        {
            return null;
        }
        var captures = descriptionMatch ?? nameMatch;
        return new InterfaceClass(connectivity?.Expand(captures), provider?.Expand(captures), boundary);
    }
}
