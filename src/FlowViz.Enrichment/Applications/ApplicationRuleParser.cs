using System.Globalization;
using System.Text;
using FlowViz.Core.Filtering;
using FlowViz.Core.Flows;

namespace FlowViz.Enrichment.Applications;

/// <summary>Checks one configured rule and turns it into protocols and port ranges, with a message per mistake.</summary>
internal static class ApplicationRuleParser
{
    /// <summary>IP protocols whose first four bytes are source and destination ports (TCP, UDP, DCCP, SCTP, UDP-Lite).</summary>
    public static bool HasPorts(byte protocol) => protocol is 6 or 17 or 33 or 132 or 136;

    public static ParsedRule? Parse(ApplicationOptions rule, string where, List<string> errors)
    {
        var before = errors.Count;
        var name = ParseName(rule.Name, where, errors);
        var protocols = ParseProtocols(rule.Protocol, where, errors);
        var ports = ParsePorts(rule.Ports, where, errors);
        foreach (var portless in ports.Count > 0 ? protocols.Where(p => !HasPorts(p)) : [])
        {
            errors.Add(At(where) + $"protocol {FilterProtocols.NameOf(portless)} has no ports; leave Ports empty to match the whole protocol.");
        }
        return errors.Count == before ? new ParsedRule(name!, protocols, ports) : null;
    }

    /// <summary>Every mistake in one rule by the field it is in (<c>name</c>, <c>protocol</c>, <c>ports</c>), without a location prefix.</summary>
    public static List<(string Field, string Message)> Check(ApplicationOptions rule)
    {
        List<string> name = [], protocol = [], ports = [];
        ParseName(rule.Name, "", name);
        var protocols = ParseProtocols(rule.Protocol, "", protocol);
        if (ParsePorts(rule.Ports, "", ports).Count > 0)
        {
            ports.AddRange(protocols.Where(p => !HasPorts(p)).Select(p =>
                $"protocol {FilterProtocols.NameOf(p)} has no ports; leave Ports empty to match the whole protocol."));
        }
        return [.. name.Select(m => ("name", m)), .. protocol.Select(m => ("protocol", m)), .. ports.Select(m => ("ports", m))];
    }

    private static string At(string where) => where.Length == 0 ? "" : where + ": ";

    private static string? ParseName(string? text, string where, List<string> errors)
    {
        var name = text?.Trim() ?? "";
        if (!FilterValues.TryNormaliseLabel(LabelSubject.Application, name, out var normalised))
        {
            errors.Add(At(where) + $"Name \"{name}\" must be 1 to {FlowRecord.MaxApplicationBytes} characters of lower-case letters, digits, '-', '_' and '.'.");
            return null;
        }
        if (normalised != name)
        {
            errors.Add(At(where) + $"Name \"{name}\" must be lower case (\"{normalised}\"), as filters and the database store it.");
            return null;
        }
        if (Encoding.UTF8.GetByteCount(name) > FlowRecord.MaxApplicationBytes)
        {
            errors.Add(At(where) + $"Name \"{name}\" is longer than {FlowRecord.MaxApplicationBytes} bytes.");
            return null;
        }
        return name;
    }

    private static List<byte> ParseProtocols(string? text, string where, List<string> errors)
    {
        var protocols = new List<byte>();
        foreach (var part in Split(text))
        {
            if (FilterProtocols.TryParse(part, out var protocol))
            {
                protocols.Add(protocol);
            }
            else
            {
                errors.Add(At(where) + $"Protocol \"{part}\" is neither a number from 0 to 255 nor one of {string.Join(", ", FilterProtocols.Names)}.");
            }
        }
        if (protocols.Count == 0 && Split(text).Length == 0)
        {
            errors.Add(At(where) + $"Protocol is required (tcp, udp, tcp,udp, esp, a number…).");
        }
        return protocols;
    }

    private static List<(ushort First, ushort Last)> ParsePorts(string? text, string where, List<string> errors)
    {
        var ranges = new List<(ushort, ushort)>();
        foreach (var part in Split(text))
        {
            var dash = part.IndexOf('-', StringComparison.Ordinal);
            var firstText = dash < 0 ? part : part[..dash];
            var lastText = dash < 0 ? part : part[(dash + 1)..];
            if (!TryParsePort(firstText, out var first) || !TryParsePort(lastText, out var last) || first > last)
            {
                errors.Add(At(where) + $"Ports \"{part}\" is not a port (0 to 65535) or a range like 6000-6063.");
                continue;
            }
            ranges.Add((first, last));
        }
        return ranges;
    }

    private static bool TryParsePort(string text, out ushort port) =>
        ushort.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out port);

    private static string[] Split(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
