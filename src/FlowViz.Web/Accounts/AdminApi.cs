using System.Security.Claims;
using FlowViz.Identity;
using FlowViz.Identity.Audit;
using FlowViz.Identity.Tenants;
using FlowViz.Identity.Tokens;

namespace FlowViz.Web.Accounts;

/// <summary>
/// JSON administration: users, tenants and the audit log for admins; every logged-in user manages its own API
/// tokens (<c>/api/v1/tokens</c>), an admin anyone's. A bad request gets 400 with the reason.
/// </summary>
internal static class AdminApi
{
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapGroup("/api/v1/admin").RequireAuthorization(AuthPolicies.Admin).WithTags("Administration");
        admin.MapGet("/audit", async (AuditLog audit, int? limit, CancellationToken ct) =>
            Results.Ok(await audit.ReadAsync(Math.Clamp(limit ?? 200, 1, 10_000), ct)));
        admin.MapGet("/users", async (UserAccounts accounts, TenantDirectory tenants, CancellationToken ct) =>
        {
            var list = new List<object>();
            foreach (var (user, role) in await accounts.ListAsync(ct))
            {
                list.Add(new { user.Id, user.UserName, Role = role, Tenants = await tenants.TenantNamesOfAsync(user.Id, ct), user.LockoutEnd });
            }
            return Results.Ok(list);
        });
        admin.MapPost("/users", (NewUser body, UserAccounts accounts, ClaimsPrincipal who, CancellationToken ct) =>
            Guard(async () =>
            {
                var user = await accounts.CreateAsync(body.UserName, body.Password, body.Role, body.Tenants ?? [], who.Identity!.Name!, ct);
                return Results.Created($"/api/v1/admin/users/{user.Id}", new { user.Id, user.UserName, body.Role });
            }));
        admin.MapGet("/tenants", async (TenantDirectory tenants, CancellationToken ct) =>
            Results.Ok((await tenants.ListAsync(ct)).Select(t => new { t.Id, t.Name, Scope = TenantScopeText.Format(t.Scope) })));
        admin.MapPost("/tenants", (NewTenant body, TenantDirectory tenants, ClaimsPrincipal who, CancellationToken ct) =>
            Guard(async () =>
            {
                var tenant = await tenants.CreateAsync(body.Name, TenantScopeText.Parse(body.Scope ?? ""), who.Identity!.Name!, ct);
                return Results.Created($"/api/v1/admin/tenants/{tenant.Id}", new { tenant.Id, tenant.Name, Scope = TenantScopeText.Format(tenant.Scope) });
            }));
        admin.MapPut("/tenants/{id:long}/scope", (long id, TenantScope body, TenantDirectory tenants, ClaimsPrincipal who, CancellationToken ct) =>
            Guard(async () =>
            {
                await tenants.ReplaceScopeAsync(id, TenantScopeText.Parse(body.Scope), who.Identity!.Name!, ct);
                return Results.NoContent();
            }));

        var tokens = endpoints.MapGroup("/api/v1/tokens").RequireAuthorization(policy => policy.RequireAuthenticatedUser()).WithTags("Tokens");
        tokens.MapGet("", async (ApiTokens store, ClaimsPrincipal who, CancellationToken ct) =>
            Results.Ok((await store.ListAsync(UserId(who), ct)).Select(Describe)));
        tokens.MapPost("", (NewToken body, ApiTokens store, AuditLog audit, ClaimsPrincipal who, CancellationToken ct) =>
            Guard(async () =>
            {
                var (token, secret) = await store.CreateAsync(UserId(who), body.Name, TimeSpan.FromDays(body.Days ?? 90), ct);
                await audit.WriteAsync(who.Identity!.Name, AuditActions.TokenCreated, $"token {token.Id} '{token.Name}'", null, ct);
                // The only time the secret leaves FlowViz.
                return Results.Created($"/api/v1/tokens/{token.Id}", new { token.Id, token.Name, token.ExpiresAt, Token = secret });
            }));
        tokens.MapDelete("/{id:long}", async (long id, ApiTokens store, AuditLog audit, ClaimsPrincipal who, CancellationToken ct) =>
        {
            var mine = (await store.ListAsync(who.IsInRole(Roles.Admin) ? null : UserId(who), ct)).Any(t => t.Id == id);
            if (!mine || !await store.RevokeAsync(id, ct))
            {
                return Results.NotFound();
            }
            await audit.WriteAsync(who.Identity!.Name, AuditActions.TokenRevoked, $"token {id}", null, ct);
            return Results.NoContent();
        });
        return endpoints;
    }

    private static string UserId(ClaimsPrincipal who) => who.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private static object Describe(ApiToken t) => new { t.Id, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.LastUsedAt };

    private static async Task<IResult> Guard(Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception e) when (e is AccountException or ArgumentException)
        {
            return Results.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest);
        }
    }

    internal sealed record NewUser(string UserName, string Password, string Role, string[]? Tenants);

    internal sealed record NewTenant(string Name, string? Scope);

    internal sealed record TenantScope(string Scope);

    internal sealed record NewToken(string Name, int? Days);
}
