using System.Net;
using System.Text.RegularExpressions;

namespace FlowViz.EndToEnd.Tests.Oidc;

/// <summary>
/// What a browser does in a login flow, without one: follows redirects across hosts, submits a self-posting form
/// (OIDC form_post), and keeps each host's cookies itself (Secure ones too: both hosts are loopback, which browsers
/// treat as secure; HttpClient's container would drop them over http).
/// </summary>
public sealed partial class BrowserlessClient : IDisposable
{
    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
    private readonly Dictionary<string, Dictionary<string, string>> _cookies = [];

    /// <summary>Every URL visited in order, redirects and form posts included.</summary>
    public List<Uri> Visited { get; } = [];

    public bool HasCookie(Uri site, string name) => _cookies.TryGetValue(site.Authority, out var jar) && jar.ContainsKey(name);

    /// <summary>Opens <paramref name="start"/> and follows redirects and self-posting forms; returns the last answer.</summary>
    public async Task<(Uri Url, HttpResponseMessage Response)> NavigateAsync(Uri start, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, start);
        for (var step = 0; step < 12; step++)
        {
            var url = request.RequestUri!;
            var response = await SendAsync(request, cancellationToken);
            if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location)
            {
                request = new HttpRequestMessage(HttpMethod.Get, location.IsAbsoluteUri ? location : new Uri(url, location));
                response.Dispose();
                continue;
            }
            var body = response.Content.Headers.ContentType?.MediaType == "text/html" ? await response.Content.ReadAsStringAsync(cancellationToken) : "";
            // Only a form that submits itself on load, as a browser would; never a page's ordinary forms (logout).
            if (body.Contains("document.forms[0].submit()", StringComparison.Ordinal) && SelfPostingForm().Match(body) is { Success: true } form)
            {
                var fields = HiddenInput().Matches(form.Groups["inputs"].Value)
                    .ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
                request = new HttpRequestMessage(HttpMethod.Post, new Uri(url, WebUtility.HtmlDecode(form.Groups["action"].Value)))
                {
                    Content = new FormUrlEncodedContent(fields),
                };
                response.Dispose();
                continue;
            }
            if (MetaRefresh().Match(body) is { Success: true } refresh)
            {
                request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, WebUtility.HtmlDecode(refresh.Groups["url"].Value)));
                response.Dispose();
                continue;
            }
            return (url, response);
        }
        throw new InvalidOperationException($"more than 12 steps: {string.Join(" → ", Visited)}");
    }

    public async Task<HttpResponseMessage> GetAsync(Uri url, CancellationToken cancellationToken) =>
        await SendAsync(new HttpRequestMessage(HttpMethod.Get, url), cancellationToken);

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Visited.Add(request.RequestUri!);
        var jar = Jar(request.RequestUri!);
        if (jar.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", jar.Select(c => $"{c.Key}={c.Value}")));
        }
        var response = await _http.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var header in setCookies)
            {
                var pair = header.Split(';', 2)[0].Split('=', 2);
                var expired = header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase) || pair[1].Length == 0;
                if (expired)
                {
                    jar.Remove(pair[0]);
                }
                else
                {
                    jar[pair[0]] = pair[1];
                }
            }
        }
        return response;
    }

    private Dictionary<string, string> Jar(Uri url)
    {
        if (!_cookies.TryGetValue(url.Authority, out var jar))
        {
            _cookies[url.Authority] = jar = [];
        }
        return jar;
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("""<form method="post" action="(?<action>[^"]*)">(?<inputs>.*?)</form>""", RegexOptions.Singleline)]
    private static partial Regex SelfPostingForm();

    [GeneratedRegex("""<meta http-equiv="refresh" content="0;url=(?<url>[^"]*)">""")]
    private static partial Regex MetaRefresh();

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]*)" value="(?<value>[^"]*)"/>""")]
    private static partial Regex HiddenInput();
}
