using System.Net;
using System.Text.RegularExpressions;
using FlowViz.Core.Filtering;

namespace FlowViz.Core.Interfaces;

/// <summary>
/// Checked, compiled classification rules: the first rule that matches an interface gives its class. Rules are
/// user input, so every expression runs with <see cref="MatchTimeout"/>; a rule that times out on an interface
/// counts as not matching it, and the outcome says so.
/// </summary>
public sealed class InterfaceClassifier
{
    /// <summary>How long one expression may run on one name or description.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

    public const int MaxRules = 1_000;
    public const int MaxPatternLength = 1_000;

    private readonly CompiledInterfaceRule[] _rules;

    private InterfaceClassifier(CompiledInterfaceRule[] rules) => _rules = rules;

    public static InterfaceClassifier Empty { get; } = new([]);

    public int Count => _rules.Length;

    /// <summary>Compiles <paramref name="rules"/>, or throws <see cref="InterfaceRulesException"/> listing every problem.</summary>
    public static InterfaceClassifier Compile(IReadOnlyList<InterfaceRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var errors = new List<InterfaceRuleError>();
        if (rules.Count > MaxRules)
        {
            throw new InterfaceRulesException([new InterfaceRuleError(MaxRules, "", $"at most {MaxRules} rules are allowed; {rules.Count} were given.")]);
        }
        var compiled = new CompiledInterfaceRule[rules.Count];
        for (var i = 0; i < rules.Count; i++)
        {
            var ruleErrors = new List<InterfaceRuleError>();
            var rule = rules[i] ?? new InterfaceRule();
            compiled[i] = CompileRule(i, rule, ruleErrors);
            errors.AddRange(ruleErrors);
        }
        return errors.Count == 0 ? new InterfaceClassifier(compiled) : throw new InterfaceRulesException(errors);
    }

    /// <summary>The class of one interface under these rules.</summary>
    public InterfaceMatch Classify(IPAddress exporter, long ifIndex, string? name, string? description)
    {
        string? error = null;
        for (var i = 0; i < _rules.Length; i++)
        {
            try
            {
                if (_rules[i].Match(exporter, ifIndex, name, description) is { } match)
                {
                    return new InterfaceMatch(i, match, error);
                }
            }
            catch (RegexMatchTimeoutException)
            {
                error ??= $"rule {i}: its expression took longer than {MatchTimeout.TotalMilliseconds} ms on this interface and was skipped";
            }
        }
        return error is null ? InterfaceMatch.None : new InterfaceMatch(null, null, error);
    }

    private static CompiledInterfaceRule CompileRule(int index, InterfaceRule rule, List<InterfaceRuleError> errors)
    {
        void Fail(string field, string message) => errors.Add(new InterfaceRuleError(index, field, message));

        IPNetwork? exporter = null;
        if (!string.IsNullOrWhiteSpace(rule.Exporter))
        {
            var text = rule.Exporter.Trim();
            if (FilterValues.TryParseAddress(text, out var address))
            {
                exporter = FilterValues.HostNetwork(address);
            }
            else if (FilterValues.TryParseNetwork(text, out var network, out var reason))
            {
                exporter = network;
            }
            else
            {
                Fail("exporter", $"'{text}' is not an address or network such as 192.0.2.1 or 192.0.2.0/24{(reason is null ? "" : $" ({reason})")}.");
            }
        }
        if (rule.IfIndex is < 0 or > uint.MaxValue)
        {
            Fail("ifIndex", $"{rule.IfIndex} is not an interface index (0 to {uint.MaxValue}).");
        }
        var name = Expression(rule.Name, "name", Fail);
        var description = Expression(rule.Description, "description", Fail);
        var captures = description ?? name;
        var connectivity = Label(rule.Connectivity, "connectivity", LabelSubject.Connectivity, captures, Fail);
        var provider = Label(rule.Provider, "provider", LabelSubject.Provider, captures, Fail);
        string? boundary = null;
        if (!string.IsNullOrWhiteSpace(rule.Boundary))
        {
            if (FilterValues.TryNormaliseLabel(LabelSubject.Boundary, rule.Boundary.Trim(), out var value))
            {
                boundary = value;
            }
            else
            {
                Fail("boundary", $"'{rule.Boundary}' is not a boundary: use external or internal.");
            }
        }
        if (string.IsNullOrWhiteSpace(rule.Connectivity) && string.IsNullOrWhiteSpace(rule.Provider) && string.IsNullOrWhiteSpace(rule.Boundary))
        {
            Fail("connectivity", "the rule gives no class: set at least one of connectivity, provider and boundary.");
        }
        return new CompiledInterfaceRule(exporter, rule.IfIndex, name, description, connectivity, provider, boundary);
    }

    private static Regex? Expression(string? pattern, string field, Action<string, string> fail)
    {
        if (string.IsNullOrEmpty(pattern))
        {
            return null;
        }
        if (pattern.Length > MaxPatternLength)
        {
            fail(field, $"the expression is longer than {MaxPatternLength} characters.");
            return null;
        }
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant, MatchTimeout);
        }
        catch (ArgumentException exception)
        {
            fail(field, $"'{pattern}' is not a valid regular expression: {exception.Message}");
            return null;
        }
    }

    private static LabelTemplate? Label(string? text, string field, LabelSubject subject, Regex? captures, Action<string, string> fail)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var template = LabelTemplate.TryCreate(text.Trim(), subject, captures, out var error);
        if (error is not null)
        {
            fail(field, error);
        }
        return template;
    }
}
