using System.Globalization;
using System.Net;

namespace FlowViz.Generator.Cli;

/// <summary>
/// Splits <c>--name value</c>, <c>--name=value</c>, flags and positional arguments, rejecting unknown names
/// and repeats, then converts values with messages that name the option and what it wants.
/// </summary>
internal sealed class OptionReader
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _positional = [];

    public OptionReader(IReadOnlyList<string> args, IReadOnlyCollection<string> valued, IReadOnlyCollection<string> flags)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                _positional.Add(arg);
                continue;
            }
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? arg[2..] : arg[2..equals];
            string? value;
            if (flags.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                value = equals < 0 ? null : throw new CommandLineException($"--{name} takes no value");
            }
            else if (valued.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                value = equals >= 0 ? arg[(equals + 1)..]
                    : i + 1 < args.Count ? args[++i]
                    : throw new CommandLineException($"--{name} needs a value");
            }
            else
            {
                throw new CommandLineException($"unknown option --{name}");
            }
            if (!_values.TryAdd(name, value))
            {
                throw new CommandLineException($"--{name} is given twice");
            }
        }
    }

    public IReadOnlyList<string> Positional => _positional;

    public bool Has(string name) => _values.ContainsKey(name);

    public string? Text(string name) => _values.GetValueOrDefault(name);

    public IPEndPoint Endpoint(string name)
    {
        var text = Text(name) ?? throw new CommandLineException($"--{name} is required (an address and port, e.g. 127.0.0.1:2055 or [::1]:2055)");
        if (!IPEndPoint.TryParse(text, out var endpoint) || endpoint.Port == 0 || !text.Contains(':', StringComparison.Ordinal))
        {
            throw new CommandLineException($"--{name} '{text}' is not an address and port (e.g. 127.0.0.1:2055 or [::1]:2055)");
        }
        return endpoint;
    }

    /// <summary>A whole number in [min, max]; accepts k and M suffixes (100k, 1.5M) since rates are typed that way.</summary>
    public long Number(string name, long fallback, long min, long max)
    {
        var text = Text(name);
        if (text is null)
        {
            return fallback;
        }
        var multiplier = text.EndsWith('k') || text.EndsWith('K') ? 1_000 : text.EndsWith('M') ? 1_000_000 : 1;
        var digits = multiplier == 1 ? text : text[..^1];
        if (!double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            || double.IsNaN(number) || number * multiplier % 1 != 0)
        {
            throw new CommandLineException($"--{name} '{text}' is not a whole number");
        }
        var value = number * multiplier;
        if (value < min || value > max)
        {
            throw new CommandLineException($"--{name} must be between {min} and {max}, not {text}");
        }
        return (long)value;
    }

    /// <summary>Seconds, fractions allowed, with an optional trailing s.</summary>
    public TimeSpan Seconds(string name, TimeSpan fallback, double maxSeconds)
    {
        var text = Text(name);
        if (text is null)
        {
            return fallback;
        }
        if (!double.TryParse(text.TrimEnd('s'), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            || !(seconds > 0) || seconds > maxSeconds)
        {
            throw new CommandLineException($"--{name} '{text}' must be a number of seconds above 0 and at most {maxSeconds}");
        }
        return TimeSpan.FromSeconds(seconds);
    }
}
