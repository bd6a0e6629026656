using System.Globalization;
using FlowViz.Core.Filtering;
using FlowViz.Core.Queries;

namespace FlowViz.Web.Api;

/// <summary>
/// Reads and checks the query parameters of the v1 API. Every problem is collected (not only the first)
/// under the name of the parameter it concerns, so a 400 says exactly what to fix.
/// </summary>
internal sealed class ApiParameters(IQueryCollection query)
{
    public const int MaxLimit = 1_000;

    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, object?> _extensions = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    public TimeRange Range()
    {
        var from = Time("from");
        var to = Time("to");
        if (from is { } f && to is { } t)
        {
            if (t > f)
            {
                return new TimeRange(f, t);
            }
            Fail("to", $"must be later than 'from' ({f:O}); the range is half-open [from, to).");
        }
        return default;
    }

    public FlowDimension Dimension(FlowDimension? fallback = null)
    {
        var text = query["by"].ToString();
        if (text.Length == 0 && fallback is { } chosen)
        {
            return chosen;
        }
        if (FlowDimensionNames.TryParse(text, out var dimension))
        {
            return dimension;
        }
        Fail("by", $"'{text}' is not a dimension; use one of: {string.Join(", ", FlowDimensionNames.Names)}.");
        return default;
    }

    public TrafficMetric Metric(TrafficMetric fallback, params TrafficMetric[] allowed)
    {
        var text = query["metric"].ToString();
        if (text.Length == 0)
        {
            return fallback;
        }
        var match = allowed.Where(m => string.Equals(m.ToString(), text, StringComparison.OrdinalIgnoreCase)).ToArray();
        if (match.Length == 1)
        {
            return match[0];
        }
        Fail("metric", $"'{text}' is not a metric here; use one of: {string.Join(", ", allowed.Select(m => m.ToString().ToLowerInvariant()))}.");
        return fallback;
    }

    /// <summary>
    /// The optional <c>filter</c> (nfdump-style text); null when absent or blank. A syntax error is reported
    /// with its position, in the message and as the problem's <c>position</c> extension, for editors to mark.
    /// </summary>
    public FilterExpression? Filter()
    {
        var text = query["filter"].ToString();
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (FilterParser.TryParse(text, out var filter, out var error))
        {
            return filter;
        }
        Fail("filter", $"{error.Message} (at position {error.Position})");
        _extensions["position"] = error.Position;
        return null;
    }

    /// <summary>The optional <c>split</c> of a series: <c>direction</c> gives each key an out, an in and an other series.</summary>
    public SeriesSplit Split()
    {
        var text = query["split"].ToString();
        switch (text.ToLowerInvariant())
        {
            case "" or "none":
                return SeriesSplit.None;
            case "direction":
                return SeriesSplit.Direction;
            default:
                Fail("split", $"'{text}' is not a split; use direction or none.");
                return SeriesSplit.None;
        }
    }

    /// <summary>One of <paramref name="allowed"/> (lower case) for parameter <paramref name="name"/>, or the fallback when absent.</summary>
    public string Choice(string name, string fallback, params string[] allowed)
    {
        var text = query[name].ToString().ToLowerInvariant();
        if (text.Length == 0)
        {
            return fallback;
        }
        if (allowed.Contains(text))
        {
            return text;
        }
        Fail(name, $"'{query[name]}' is not allowed; use one of: {string.Join(", ", allowed)}.");
        return fallback;
    }

    /// <summary>A route value that must be a number from 0 to <paramref name="max"/> (an AS number, an ifIndex).</summary>
    public long Number(string name, string? text, long max)
    {
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= max)
        {
            return value;
        }
        Fail(name, $"'{text}' must be a whole number from 0 to {max}.");
        return 0;
    }

    /// <summary>A route value that must be an IP address (an exporter).</summary>
    public System.Net.IPAddress? Address(string name, string? text)
    {
        if (text is not null && FilterValues.TryParseAddress(text, out var address))
        {
            return address;
        }
        Fail(name, $"'{text}' is not an IPv4 or IPv6 address.");
        return null;
    }

    /// <summary>The 400 answer listing every problem found (application/problem+json).</summary>
    public IResult Problem() => Results.ValidationProblem(_errors, extensions: _extensions);

    /// <summary>A valid filter the data cannot answer (a dimension not stored yet) is the caller's to fix too.</summary>
    public static IResult FilterProblem(FilterNotSupportedException exception) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { ["filter"] = [exception.Message] });

    public int Limit() => Integer("limit", fallback: 10, min: 1, max: MaxLimit);

    public int Step(TimeRange range)
    {
        if (!query.ContainsKey("step"))
        {
            return range == default ? 60 : SeriesStep.For(range);
        }
        var step = Integer("step", fallback: 60, min: 1, max: 366 * 86_400);
        if (IsValid && range != default && SeriesStep.BucketCount(range, step) > SeriesStep.MaxPoints)
        {
            Fail("step", $"{step} s gives more than {SeriesStep.MaxPoints} buckets over this range; use at least {SeriesStep.For(range)} s.");
        }
        return step;
    }

    private DateTimeOffset? Time(string name)
    {
        var text = query[name].ToString();
        if (text.Length == 0)
        {
            Fail(name, "is required: an ISO 8601 time such as 2026-11-23T06:00:00Z.");
            return null;
        }
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            return value;
        }
        Fail(name, $"'{text}' is not an ISO 8601 time such as 2026-11-23T06:00:00Z.");
        return null;
    }

    private int Integer(string name, int fallback, int min, int max)
    {
        var text = query[name].ToString();
        if (text.Length == 0)
        {
            return fallback;
        }
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }
        Fail(name, $"'{text}' must be a whole number from {min} to {max}.");
        return fallback;
    }

    private void Fail(string name, string why) => _errors[name] = [why];
}
