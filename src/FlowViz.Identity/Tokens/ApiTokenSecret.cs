using System.Security.Cryptography;
using System.Text;

namespace FlowViz.Identity.Tokens;

/// <summary>
/// A token's secret: <c>fvt_</c> and 256 random bits in base64url. The prefix makes a leaked token easy to
/// recognise (secret scanners); only <see cref="Hash"/> of it is stored.
/// </summary>
public static class ApiTokenSecret
{
    public const string Marker = "fvt_";
    public const int PrefixLength = 12;

    public static string Create() => Marker + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    /// <summary>True when the text has a token's shape (not whether it is valid).</summary>
    public static bool LooksLikeToken(string text) => text.StartsWith(Marker, StringComparison.Ordinal) && text.Length == Marker.Length + 43;

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
