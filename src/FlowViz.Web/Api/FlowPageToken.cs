using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using FlowViz.Core.Queries;

namespace FlowViz.Web.Api;

/// <summary>
/// The opaque <c>pageToken</c> of <c>GET /api/v1/flows</c>: a <see cref="FlowCursor"/> plus a fingerprint of the
/// query it belongs to (range, filter, sort, order), so a token is refused with another query rather than
/// silently paging something else. Base64url of: version 1 (1 byte), fingerprint (8), sort value (8), time
/// received in ticks (8), row hash (8), rows sharing the key (4).
/// </summary>
internal static class FlowPageToken
{
    private const byte Version = 1;
    private const int Length = 1 + 8 + 8 + 8 + 8 + 4;

    public static string Encode(FlowCursor cursor, FlowListQuery query)
    {
        Span<byte> bytes = stackalloc byte[Length];
        bytes[0] = Version;
        BinaryPrimitives.WriteUInt64BigEndian(bytes[1..], Fingerprint(query));
        BinaryPrimitives.WriteInt64BigEndian(bytes[9..], cursor.SortValue);
        BinaryPrimitives.WriteInt64BigEndian(bytes[17..], cursor.TimeReceived.Ticks);
        BinaryPrimitives.WriteInt64BigEndian(bytes[25..], cursor.RowHash);
        BinaryPrimitives.WriteInt32BigEndian(bytes[33..], cursor.SameKeyRows);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>The cursor in <paramref name="token"/>; null with <paramref name="error"/> when it is not one of ours or belongs to another query.</summary>
    public static FlowCursor? Decode(string token, FlowListQuery query, out string? error)
    {
        error = null;
        var base64 = token.Replace('-', '+').Replace('_', '/');
        base64 += new string('=', (4 - base64.Length % 4) % 4);
        var bytes = new byte[Length + 3];
        if (!Convert.TryFromBase64String(base64, bytes, out var written) || written != Length || bytes[0] != Version)
        {
            error = "is not a page token of this API; use nextPageToken of the previous answer as it is.";
            return null;
        }
        if (BinaryPrimitives.ReadUInt64BigEndian(bytes.AsSpan(1)) != Fingerprint(query))
        {
            error = "belongs to a different query: keep from, to, filter, sort and order as they were for the first page.";
            return null;
        }
        var ticks = BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(17));
        var sameKey = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(33));
        if (ticks is < 0 || ticks > DateTime.MaxValue.Ticks || sameKey < 0)
        {
            error = "is not a page token of this API; use nextPageToken of the previous answer as it is.";
            return null;
        }
        return new FlowCursor(
            BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(9)),
            new DateTime(ticks, DateTimeKind.Utc),
            BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(25)),
            sameKey);
    }

    private static ulong Fingerprint(FlowListQuery query)
    {
        var text = $"{query.Range.From.UtcTicks}|{query.Range.To.UtcTicks}|{query.Filter}|{query.SortBy}|{query.Descending}";
        return BinaryPrimitives.ReadUInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
