using System.Globalization;
using FlowViz.Core.Queries;

namespace FlowViz.Web.Api;

/// <summary>
/// The parameters of <c>GET /api/v1/flows</c> beyond those every v1 call shares (<see cref="ApiParameters"/>:
/// from, to, filter): sort, order, limit, pageToken and format. Problems are collected per parameter like there.
/// </summary>
internal sealed class FlowListParameters(IQueryCollection query)
{
    public const int DefaultLimit = 100;

    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string[]> Errors => _errors;

    public string Sort()
    {
        var text = query["sort"].ToString();
        if (text.Length == 0)
        {
            return FlowSortColumns.Default;
        }
        if (FlowSortColumns.IsSortable(text))
        {
            return text;
        }
        _errors["sort"] = [$"'{text}' cannot be sorted by; use one of: {string.Join(", ", FlowSortColumns.Names)}."];
        return FlowSortColumns.Default;
    }

    /// <summary>True for descending (the default: newest or largest first).</summary>
    public bool Descending()
    {
        var text = query["order"].ToString();
        switch (text.ToLowerInvariant())
        {
            case "" or "desc":
                return true;
            case "asc":
                return false;
            default:
                _errors["order"] = [$"'{text}' is not an order; use asc or desc."];
                return true;
        }
    }

    /// <summary>The page size; for CSV, null (every row) unless given.</summary>
    public int? Limit(bool csv)
    {
        var text = query["limit"].ToString();
        if (text.Length == 0)
        {
            return csv ? null : DefaultLimit;
        }
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit is >= 1 and <= FlowListQuery.MaxLimit)
        {
            return limit;
        }
        _errors["limit"] = [$"'{text}' must be a whole number from 1 to {FlowListQuery.MaxLimit}."];
        return DefaultLimit;
    }

    /// <summary>True for <c>format=csv</c>, false for JSON (the default).</summary>
    public bool Csv()
    {
        var text = query["format"].ToString();
        switch (text.ToLowerInvariant())
        {
            case "" or "json":
                return false;
            case "csv":
                return true;
            default:
                _errors["format"] = [$"'{text}' is not a format; use json or csv."];
                return false;
        }
    }

    /// <summary>The cursor of <c>pageToken</c> for <paramref name="flows"/>; null for the first page.</summary>
    public FlowCursor? After(FlowListQuery flows)
    {
        var token = query["pageToken"].ToString();
        if (token.Length == 0)
        {
            return null;
        }
        var cursor = FlowPageToken.Decode(token, flows, out var error);
        if (error is not null)
        {
            _errors["pageToken"] = [error];
        }
        return cursor;
    }
}
