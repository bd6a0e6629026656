using FlowViz.Core.Queries;
using Microsoft.OpenApi;

namespace FlowViz.Web.Api.Documentation;

/// <summary>
/// What each v1 operation's query parameters mean. The handlers read the query string themselves (so every
/// problem can be reported at once), which the OpenAPI generator cannot see; this table says it instead.
/// </summary>
internal static class ApiOperationDocs
{
    private const string Time = "date-time";

    private static readonly ApiParameterDoc From = new("from", JsonSchemaType.String, true,
        "Start of the half-open range [from, to): an ISO 8601 time such as 2026-11-23T06:00:00Z.", Time);

    private static readonly ApiParameterDoc To = new("to", JsonSchemaType.String, true, "End of the range (excluded); later than from.", Time);

    private static readonly ApiParameterDoc Filter = new("filter", JsonSchemaType.String, false,
        "A filter in nfdump's syntax, e.g. `proto tcp and dst port 443`, `src net 192.0.2.0/24`, `not as 64496`, `in if 3`, " +
        "`country JP`, `app https`; `and`/`or`/`not`, parentheses. A bad filter gets 400 naming the position and what was expected.");

    private static readonly ApiParameterDoc By = new("by", JsonSchemaType.String, true,
        $"The dimension to group by: {string.Join(", ", FlowDimensionNames.Names)}.");

    private static readonly ApiParameterDoc Limit = new("limit", JsonSchemaType.Integer, false,
        $"How many top keys get their own row or series (1–{ApiParameters.MaxLimit}, default 10); the rest is summed into 'other'.");

    /// <summary>Parameters by (HTTP method, path template).</summary>
    public static IReadOnlyDictionary<(string Method, string Path), IReadOnlyList<ApiParameterDoc>> Parameters { get; } =
        new Dictionary<(string, string), IReadOnlyList<ApiParameterDoc>>
        {
            [("GET", "/api/v1/summary")] = [From, To, Filter],
            [("GET", "/api/v1/top")] =
            [
                From, To, By,
                new("metric", JsonSchemaType.String, false, "What ranks the rows: bytes (default), packets or flows."),
                Limit, Filter,
            ],
            [("GET", "/api/v1/series")] =
            [
                From, To, By,
                new("metric", JsonSchemaType.String, false, "What each point is per second: bits (default), packets or flows."),
                new("step", JsonSchemaType.Integer, false, "Bucket width in seconds; by default chosen from the range. At most a fixed number of buckets per range."),
                Limit, Filter,
            ],
            [("GET", "/api/v1/flows")] =
            [
                From, To, Filter,
                new("sort", JsonSchemaType.String, false, $"Column to sort by (default time_received): {string.Join(", ", FlowSortColumns.Names)}. Ties are ordered by time_received, then by row."),
                new("order", JsonSchemaType.String, false, "desc (default: newest or largest first) or asc."),
                new("limit", JsonSchemaType.Integer, false,
                    $"Rows per page, 1–{FlowListQuery.MaxLimit} (default {FlowListParameters.DefaultLimit}). With format=csv: every row unless given."),
                new("pageToken", JsonSchemaType.String, false,
                    "nextPageToken of the previous page, with the same from, to, filter, sort and order. Pages never skip or repeat a stored row, even while flows arrive."),
                new("format", JsonSchemaType.String, false, "json (default) or csv: RFC 4180 CSV, streamed, with a header row of the flows table's column names."),
            ],
            [("GET", "/api/v1/as/{asn}/prefixes")] =
            [
                From, To,
                new("metric", JsonSchemaType.String, false, "What ranks the prefixes (in + out): bytes (default), packets or flows."),
                new("limit", JsonSchemaType.Integer, false,
                    $"How many prefixes get their own row (1–{ApiParameters.MaxLimit}, default 10); the rest is otherIn / otherOut."),
                Filter,
            ],
            [("GET", "/api/v1/interfaces/unclassified")] =
            [
                new("from", JsonSchemaType.String, false, "Start of the traffic range; with to. Default: the last 24 hours.", Time),
                new("to", JsonSchemaType.String, false, "End of the traffic range (excluded).", Time),
            ],
            [("GET", "/api/v1/interface-rules")] =
            [
                new("version", JsonSchemaType.Integer, false, "A saved version to read; default: the version in force."),
            ],
        };

    /// <summary>Summaries for the operations whose endpoints do not carry one.</summary>
    public static IReadOnlyDictionary<(string Method, string Path), string> Summaries { get; } = new Dictionary<(string, string), string>
    {
        [("GET", "/api/v1/summary")] = "Total flows, packets and bytes in the range (sampling applied)",
        [("GET", "/api/v1/top")] = "The top keys of a dimension, with an 'other' row; rows plus other equal the summary",
        [("GET", "/api/v1/series")] = "Per-second rates over time, one series per top key plus 'other', every bucket present",
        [("GET", "/api/v1/as/{asn}/prefixes")] =
            "An AS's prefixes: traffic from it by source prefix (in) and to it by destination prefix (out), with each prefix's share " +
            "of both; a prefix is the address masked by the flow's mask (src_mask/dst_mask), key 'none' without a mask; raw flows only " +
            "(completeFrom); a side is null where it had more than 1,000 prefixes and did not list this one",
        [("GET", "/api/v1/exporters")] = "Per exporter: datagrams, flows, malformed datagrams by reason, sampling rates, sequence loss, interfaces, last seen",
    };
}
