using FlowViz.Web.Components.Admin;

namespace FlowViz.Web.Tests.Admin;

public class TokenSecretOnceTests : BunitContext
{
    private const string Secret = "fvt_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    [Fact]
    public void Copy_PutsTheSecretOnTheClipboard_AndSaysSo()
    {
        var module = JSInterop.SetupModule(TokenSecretOnce.ModulePath);
        module.Setup<bool>("copy", Secret).SetResult(true);
        var once = Render<TokenSecretOnce>(p => p.Add(x => x.Secret, Secret).Add(x => x.Name, "ci"));
        Assert.Equal(Secret, once.Find("[data-testid=token-secret-value]").GetAttribute("value"));
        Assert.Contains("will not show it again", once.Markup);

        once.Find("[data-testid=token-copy]").Click();

        Assert.Equal(Secret, module.VerifyInvoke("copy").Arguments[0]);
        Assert.Equal("Copied.", once.Find("[data-testid=token-copied]").TextContent);
    }

    [Fact]
    public void Copy_BrowserRefuses_SaysToCopyByHand()
    {
        JSInterop.SetupModule(TokenSecretOnce.ModulePath).Setup<bool>("copy", Secret).SetResult(false);
        var once = Render<TokenSecretOnce>(p => p.Add(x => x.Secret, Secret));

        once.Find("[data-testid=token-copy]").Click();

        Assert.Contains("copy it", once.Find("[data-testid=token-copied]").TextContent);
    }

    [Fact]
    public void Done_TellsThePageToForgetTheSecret()
    {
        var dismissed = false;
        var once = Render<TokenSecretOnce>(p => p.Add(x => x.Secret, Secret).Add(x => x.Dismissed, () => dismissed = true));

        once.Find("[data-testid=token-dismiss]").Click();

        Assert.True(dismissed);
    }
}
