using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace FlowViz.EndToEnd.Tests;

/// <summary>
/// <see cref="SecuredApp"/> (unchanged: anonymous read off, the first-start admin, <see cref="KnownTraffic"/>) plus
/// <see cref="PortalTraffic"/>'s two customers, for the admin pages' tests. One instance, as a class fixture of
/// SecuredApp would be.
/// </summary>
public sealed class AdminPortalApp : IAsyncLifetime
{
    public const string Password = "a long enough password";

    public SecuredApp Secured { get; } = new();

    public Uri BaseAddress => Secured.App.BaseAddress;

    public async ValueTask InitializeAsync()
    {
        await Secured.InitializeAsync();
        await Secured.App.SendAsync(PortalTraffic.Datagrams(DateTime.UtcNow));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await Secured.SummaryAsync(Secured.Admin, null)).GetProperty("flows").GetInt64() < KnownTraffic.Flows + PortalTraffic.Flows)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("the portal traffic was not stored within 30 s");
            }
            await Task.Delay(100);
        }
    }

    /// <summary>Logs in through the login form and lands on <paramref name="path"/>, interactive.</summary>
    public async Task LogInAsync(IPage page, string user, string password, string path)
    {
        await page.GotoAsync(new Uri(BaseAddress, path).ToString());
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/login"));
        await page.GetByLabel("User name").FillAsync(user);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(path.Split('?')[0]) + @"(\?|$)"));
        await Browser.WaitForCircuitAsync(page);
    }

    public async Task GoToAsync(IPage page, string path)
    {
        await page.GotoAsync(new Uri(BaseAddress, path).ToString());
        await Browser.WaitForCircuitAsync(page);
    }

    public static async Task LogOutAsync(IPage page)
    {
        await page.GetByTestId("logout").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/login"));
    }

    public ValueTask DisposeAsync() => Secured.DisposeAsync();
}
