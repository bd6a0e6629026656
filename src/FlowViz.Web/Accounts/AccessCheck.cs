using FlowViz.Identity;
using Microsoft.Extensions.Options;

namespace FlowViz.Web.Accounts;

/// <summary>Start-up check of <see cref="ListenAddressCheck"/> against the accounts in the database.</summary>
internal static class AccessCheck
{
    public static async Task<string?> RefusalAsync(IServiceProvider services, IConfiguration configuration)
    {
        var auth = services.GetRequiredService<IOptions<AuthOptions>>().Value;
        await using var scope = services.CreateAsyncScope();
        var anyAccount = await scope.ServiceProvider.GetRequiredService<UserAccounts>().AnyAsync(CancellationToken.None);
        return ListenAddressCheck.Refusal(configuration, auth, anyAccount);
    }
}
