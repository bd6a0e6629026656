using System.Net;

namespace FlowViz.Web.Accounts;

/// <summary>
/// Refuses to serve traffic to the network with no way in but anonymous reading turned off by omission:
/// FlowViz listening beyond loopback, no account to log in with, and <see cref="AuthOptions.AnonymousRead"/> off.
/// </summary>
internal static class ListenAddressCheck
{
    /// <summary>The reason to refuse, or null to go on.</summary>
    public static string? Refusal(IConfiguration configuration, AuthOptions auth, bool anyAccount)
    {
        if (auth.AnonymousRead || anyAccount)
        {
            return null;
        }
        var exposed = ListenUrls(configuration).Where(url => !IsLoopback(url)).ToList();
        if (exposed.Count == 0)
        {
            return null;
        }
        return $"FlowViz would listen on {string.Join(", ", exposed)} with no account to log in with. " +
            "Create one (flowviz users add NAME --role admin), let FlowViz create 'admin' (Auth:CreateAdmin=true, the default), " +
            "set Auth:AnonymousRead=true to let anyone who can reach it read all traffic (a home lab), or listen on loopback only.";
    }

    public static IEnumerable<string> ListenUrls(IConfiguration configuration)
    {
        foreach (var url in (configuration["urls"] ?? configuration["ASPNETCORE_URLS"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            yield return url;
        }
        foreach (var endpoint in configuration.GetSection("Kestrel:Endpoints").GetChildren())
        {
            if (endpoint["Url"] is { Length: > 0 } url)
            {
                yield return url;
            }
        }
    }

    public static bool IsLoopback(string url)
    {
        // Kestrel's wildcards (*, +, 0.0.0.0, [::]) are not valid URI hosts for every parser: take the host by hand.
        var rest = url[(url.IndexOf("://", StringComparison.Ordinal) is var at and >= 0 ? at + 3 : 0)..];
        var host = rest.StartsWith('[') ? rest[1..rest.IndexOf(']', StringComparison.Ordinal)] : rest.Split(':', '/')[0];
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
    }
}
