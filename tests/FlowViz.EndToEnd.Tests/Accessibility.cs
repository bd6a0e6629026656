using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace FlowViz.EndToEnd.Tests;

/// <summary>axe-core over the page as it is now; serious and critical violations fail the test, listed with their elements.</summary>
public static class Accessibility
{
    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious.Select(v =>
            $"{v.Impact} {v.Id}: {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")));
    }
}
