using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FlowViz.EndToEnd.Tests.Oidc;

/// <summary>
/// A minimal OpenID Connect provider on a loopback port, enough for a real authorization code flow: discovery, JWKS,
/// an authorize endpoint that "logs in" <see cref="NextUser"/> at once (no login form) and answers by form_post or
/// redirect, and a token endpoint that checks the client secret, redirect URI and PKCE verifier before issuing an
/// RS256-signed id_token with the request's nonce. Codes are single use.
/// </summary>
public sealed class TestOidcProvider : IAsyncDisposable
{
    public const string ClientId = "flowviz";
    public const string ClientSecret = "flowviz-test-secret";

    private readonly WebApplication _app;
    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "test-key-1" };
    private readonly ConcurrentDictionary<string, PendingCode> _codes = new();

    private TestOidcProvider(WebApplication app) => _app = app;

    /// <summary>The issuer, also the authority FlowViz is configured with (no trailing slash).</summary>
    public string Issuer { get; private set; } = "";

    /// <summary>The claims (besides iss, aud, exp, iat, nonce) of whoever logs in next; a string[] becomes a JSON array.</summary>
    public Dictionary<string, object> NextUser { get; set; } = [];

    /// <summary>Token requests refused, with the reason (a test fails on a wrongly made request).</summary>
    public ConcurrentQueue<string> Refusals { get; } = new();

    public static async Task<TestOidcProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var provider = new TestOidcProvider(builder.Build());
        provider.Map();
        await provider._app.StartAsync();
        provider.Issuer = provider._app.Urls.First().TrimEnd('/');
        return provider;
    }

    private void Map()
    {
        _app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["authorization_endpoint"] = $"{Issuer}/authorize",
            ["token_endpoint"] = $"{Issuer}/token",
            ["jwks_uri"] = $"{Issuer}/jwks",
            ["response_types_supported"] = new[] { "code" },
            ["response_modes_supported"] = new[] { "query", "form_post" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["scopes_supported"] = new[] { "openid", "profile" },
            ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_post", "client_secret_basic" },
            ["code_challenge_methods_supported"] = new[] { "S256" },
        }));
        _app.MapGet("/jwks", () =>
        {
            var parameters = _key.Rsa.ExportParameters(false);
            return Results.Json(new
            {
                keys = new[]
                {
                    new { kty = "RSA", use = "sig", alg = "RS256", kid = _key.KeyId, n = Base64UrlEncoder.Encode(parameters.Modulus), e = Base64UrlEncoder.Encode(parameters.Exponent) },
                },
            });
        });
        _app.MapGet("/authorize", Authorize);
        _app.MapPost("/token", TokenAsync);
    }

    private IResult Authorize(HttpRequest request)
    {
        var query = request.Query;
        if (query["client_id"] != ClientId || query["response_type"] != "code" || query["code_challenge_method"] != "S256")
        {
            return Results.BadRequest("unsupported client, response type or PKCE method");
        }
        var code = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        _codes[code] = new PendingCode(query["redirect_uri"].ToString(), query["nonce"].ToString(), query["code_challenge"].ToString(), new(NextUser));
        var redirect = query["redirect_uri"].ToString();
        var state = query["state"].ToString();
        if (query["response_mode"] == "form_post")
        {
            // What a browser gets: a form that posts itself back to the client.
            var html = $"""
                <html><body onload="document.forms[0].submit()">
                <form method="post" action="{WebUtility.HtmlEncode(redirect)}">
                <input type="hidden" name="code" value="{WebUtility.HtmlEncode(code)}"/>
                <input type="hidden" name="state" value="{WebUtility.HtmlEncode(state)}"/>
                </form></body></html>
                """;
            return Results.Content(html, "text/html");
        }
        return Results.Redirect($"{redirect}?code={Uri.EscapeDataString(code)}&state={Uri.EscapeDataString(state)}");
    }

    private async Task<IResult> TokenAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        var (clientId, secret) = ClientCredentials(request, form);
        string? refusal = null;
        if (form["grant_type"] != "authorization_code")
        {
            refusal = "grant_type";
        }
        else if (clientId != ClientId || secret != ClientSecret)
        {
            refusal = "client credentials";
        }
        else if (!_codes.TryRemove(form["code"].ToString(), out var pending))
        {
            refusal = "unknown or used code";
        }
        else if (pending.RedirectUri != form["redirect_uri"])
        {
            refusal = "redirect_uri differs from the authorize request's";
        }
        else if (Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString()))) != pending.CodeChallenge)
        {
            refusal = "PKCE verifier does not match the challenge";
        }
        else
        {
            var accessToken = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
            return Results.Json(new { access_token = accessToken, token_type = "Bearer", expires_in = 300, id_token = IdToken(pending, accessToken) });
        }
        Refusals.Enqueue(refusal);
        return Results.Json(new { error = "invalid_grant", error_description = refusal }, statusCode: 400);
    }

    private string IdToken(PendingCode pending, string accessToken)
    {
        var claims = new Dictionary<string, object>(pending.Claims)
        {
            ["nonce"] = pending.Nonce,
            // OIDC Core 3.1.3.6: the left half of the SHA-256 of the access token.
            ["at_hash"] = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(accessToken))[..16]),
        };
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = ClientId,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(5),
            Claims = claims,
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        });
    }

    private static (string? ClientId, string? Secret) ClientCredentials(HttpRequest request, IFormCollection form)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.Ordinal))
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..])).Split(':', 2);
            return (Uri.UnescapeDataString(pair[0]), Uri.UnescapeDataString(pair[1]));
        }
        return (form["client_id"], form["client_secret"]);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _key.Rsa.Dispose();
    }

    private sealed record PendingCode(string RedirectUri, string Nonce, string CodeChallenge, Dictionary<string, object> Claims);
}
