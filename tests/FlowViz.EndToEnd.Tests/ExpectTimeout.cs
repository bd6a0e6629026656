using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace FlowViz.EndToEnd.Tests;

/// <summary>
/// Playwright's assertions wait 5 s by default, while actions wait the context's 30 s (Browser.NewPageAsync). A CI
/// machine busier than ours can take longer than 5 s for a Blazor navigation or a chart redraw, so an assertion that
/// would pass a moment later fails instead. Both wait the same 30 s here; a wrong value still fails, only later.
/// </summary>
internal static class ExpectTimeout
{
    [ModuleInitializer]
    internal static void Lengthen() => Assertions.SetDefaultExpectTimeout(30_000);
}
