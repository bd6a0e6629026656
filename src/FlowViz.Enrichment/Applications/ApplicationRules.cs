namespace FlowViz.Enrichment.Applications;

/// <summary>
/// Names a flow's application from its protocol and ports (CUFlow's <c>Service</c>) with two array reads: one
/// 65,536-entry table per protocol that has port rules, and one entry per protocol for rules without ports.
/// <para>
/// A port rule beats a whole-protocol rule. When the source and the destination port both have a rule, the
/// <b>lower port number is taken as the server's</b>: services listen on well-known (0–1023) and registered ports,
/// while clients send from ephemeral ones (32768–60999 on Linux, 49152–65535 per RFC 6335), so e.g. a flow
/// 3306 → 443 is https, not mysql. Rules apply in order and a later one replaces an earlier one on the same
/// protocol and port; configured rules come after the built-in ones, so they win.
/// </para>
/// Every flow of one application gets the same string instance: naming allocates nothing.
/// </summary>
public sealed class ApplicationRules
{
    private readonly string?[]?[] _byPort = new string?[]?[256];
    private readonly string?[] _byProtocol = new string?[256];

    private ApplicationRules()
    {
    }

    /// <summary>Built-in rules then <paramref name="configured"/> ones; one message per bad rule in <paramref name="errors"/>.</summary>
    public static ApplicationRules Build(IReadOnlyList<ApplicationOptions> configured, List<string> errors)
    {
        var rules = new ApplicationRules();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < DefaultApplicationRules.All.Count; i++)
        {
            var rule = DefaultApplicationRules.All[i];
            rules.Add(ApplicationRuleParser.Parse(rule, $"built-in application rule \"{rule.Name}\"", errors), names);
        }
        for (var i = 0; i < configured.Count; i++)
        {
            var rule = configured[i];
            var where = $"{EnrichmentOptions.SectionName}:Applications:{i} (\"{rule.Name}\")";
            rules.Add(ApplicationRuleParser.Parse(rule, where, errors), names);
        }
        return rules;
    }

    /// <summary>The application of a flow, or null when no rule matches.</summary>
    public string? Match(byte protocol, ushort srcPort, ushort dstPort)
    {
        if (_byPort[protocol] is { } ports)
        {
            var atSource = ports[srcPort];
            var atDestination = ports[dstPort];
            if (atSource is not null && atDestination is not null)
            {
                return srcPort < dstPort ? atSource : atDestination; // the lower port is the server's
            }
            if ((atDestination ?? atSource) is { } name)
            {
                return name;
            }
        }
        return _byProtocol[protocol];
    }

    private void Add(ParsedRule? rule, Dictionary<string, string> names)
    {
        if (rule is null)
        {
            return;
        }
        // One instance per name across rules ("dns" on tcp and udp), so equal names are also the same reference.
        var name = names.TryGetValue(rule.Name, out var shared) ? shared : names[rule.Name] = rule.Name;
        foreach (var protocol in rule.Protocols)
        {
            if (rule.Ports.Count == 0)
            {
                _byProtocol[protocol] = name;
                continue;
            }
            var ports = _byPort[protocol] ??= new string?[ushort.MaxValue + 1];
            foreach (var (first, last) in rule.Ports)
            {
                ports.AsSpan(first, last - first + 1).Fill(name);
            }
        }
    }
}
