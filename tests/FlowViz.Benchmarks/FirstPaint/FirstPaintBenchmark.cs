using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace FlowViz.Benchmarks.FirstPaint;

/// <summary>
/// First meaningful paint of every dashboard page of a running FlowViz (tests/benchmarks/first-paint.sh starts one with
/// demo data): each page is loaded <c>runs</c> times, each time in a fresh browser context (cold cache, new circuit), in
/// Debian's chromium; per page it prints p50 / p95 / max of navigation start → the page's main chart or table holding
/// data (<see cref="PaintTarget"/>), then the p50 of the browser's first contentful paint, of apexcharts' chart drawn
/// ("drawn"), of the response's end and of the circuit coming up, to tell the server's answer, the connection and the
/// data query with its drawing apart. FIRST_PAINT_PAGES=Overview,Host measures those pages only; FIRST_PAINT_SAMPLES=1
/// prints each load's stages.
/// </summary>
public static class FirstPaintBenchmark
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    public static async Task RunAsync(Uri baseAddress, int runs, bool trace = false)
    {
        using var http = new HttpClient { BaseAddress = baseAddress };
        var only = Environment.GetEnvironmentVariable("FIRST_PAINT_PAGES")?.Split(',', StringSplitOptions.TrimEntries);
        var targets = (await TargetsAsync(http)).Where(t => only is null || only.Contains(t.Name)).ToList();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("FLOWVIZ_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
        });
        if (trace)
        {
            await PaintTrace.RunAsync(browser, baseAddress, targets, runs);
            return;
        }
        Console.WriteLine($"First meaningful paint, {runs} loads per page after one unmeasured warm-up, each in a fresh context; load average {LoadAverage()}");
        Console.WriteLine("Chart pages twice: as served (apexcharts draws from the prerendered HTML) and with that module blocked (apexcharts draws after the circuit); the server's static picture is painted either way, \"drawn\" is apexcharts'.");
        Console.WriteLine($"{"page",-14} {"variant",-9} {"p50 ms",7} {"p95 ms",7} {"max ms",7} {"over 1 s",8} | {"fcp",5} {"drawn",6} {"response",8} {"blazor.js",9} {"negotiate",9} {"circuit",7} | {"state kB",8} {"charts kB",9} {"html kB",7}");
        var worst = 0.0;
        var eachSample = Environment.GetEnvironmentVariable("FIRST_PAINT_SAMPLES") == "1";
        var servedOnly = Environment.GetEnvironmentVariable("FIRST_PAINT_SERVED_ONLY") == "1";
        foreach (var target in targets)
        {
            foreach (var blocked in target.IsChart && !servedOnly ? [false, true] : new[] { false })
            {
                await LoadAsync(browser, baseAddress, target, blocked); // warm-up: the server's first query of this shape, JIT
                var samples = new List<double[]>();
                for (var i = 0; i < runs; i++)
                {
                    samples.Add(await LoadAsync(browser, baseAddress, target, blocked));
                }
                if (eachSample)
                {
                    foreach (var sample in samples)
                    {
                        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"  sample: paint {sample[(int)PaintProbe.Stage.Meaningful]:0} fcp {sample[(int)PaintProbe.Stage.FirstContentfulPaint]:0} request {sample[(int)PaintProbe.Stage.RequestStart]:0} first byte {sample[(int)PaintProbe.Stage.ResponseStart]:0} response {sample[(int)PaintProbe.Stage.ResponseEnd]:0} render-blocking in {sample[(int)PaintProbe.Stage.RenderBlockingEnd]:0} DOMContentLoaded {sample[(int)PaintProbe.Stage.DomContentLoaded]:0} drawn {sample[(int)PaintProbe.Stage.Drawn]:0}"));
                    }
                }
                var paint = Column(samples, PaintProbe.Stage.Meaningful);
                if (!blocked)
                {
                    worst = Math.Max(worst, Percentile(paint, 0.95));
                }
                double P50(PaintProbe.Stage stage) => Percentile(Column(samples, stage), 0.5);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{target.Name,-14} {(blocked ? "after" : "served"),-9} {Percentile(paint, 0.5),7:0} {Percentile(paint, 0.95),7:0} {paint.Max(),7:0} {paint.Count(p => p > 1000),3}/{runs,-4} | {P50(PaintProbe.Stage.FirstContentfulPaint),5:0} {P50(PaintProbe.Stage.Drawn),6:0} {P50(PaintProbe.Stage.ResponseEnd),8:0} {P50(PaintProbe.Stage.BlazorScriptEnd),9:0} {P50(PaintProbe.Stage.NegotiateStart),4:0}-{P50(PaintProbe.Stage.NegotiateEnd),-4:0} {P50(PaintProbe.Stage.Circuit),7:0} | {P50(PaintProbe.Stage.StateChars) / 1000,8:0.0} {P50(PaintProbe.Stage.ChartPayloadChars) / 1000,9:0.0} {P50(PaintProbe.Stage.HtmlBytes) / 1000,7:0.0}"));
            }
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"worst p95 (as served) {worst:0} ms; load average {LoadAverage()}"));
    }

    private static double[] Column(List<double[]> samples, PaintProbe.Stage stage) => [.. samples.Select(s => s[(int)stage])];

    /// <summary>
    /// One load in a fresh context: <see cref="PaintProbe.Read"/>'s stages. <paramref name="blockPrerenderedCharts"/> aborts
    /// the module that draws charts from the prerendered HTML, so that they are drawn after the circuit, as before it.
    /// </summary>
    private static async Task<double[]> LoadAsync(IBrowser browser, Uri baseAddress, PaintTarget target, bool blockPrerenderedCharts)
    {
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1400, Height = 1000 },
            Locale = "en-GB",
            TimezoneId = "UTC",
        });
        await context.AddInitScriptAsync(PaintProbe.For(target));
        if (blockPrerenderedCharts)
        {
            await context.RouteAsync("**/lib/flowviz-chart-prerendered*.js", route => route.AbortAsync());
        }
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(baseAddress, target.PathAndQuery).ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
        await page.WaitForFunctionAsync("() => window.__paint?.meaningful != null && window.__paint.drawn != null", null, new PageWaitForFunctionOptions { Timeout = 60_000 });
        return await page.EvaluateAsync<double[]>(PaintProbe.Read);
    }

    /// <summary>The pages, with a host, an origin AS and an interface taken from the demo's traffic of the last hour.</summary>
    private static async Task<IReadOnlyList<PaintTarget>> TargetsAsync(HttpClient http)
    {
        var now = DateTimeOffset.UtcNow;
        var range = $"from={now.AddHours(-1):yyyy-MM-ddTHH:mm:ssZ}&to={now.AddMinutes(1):yyyy-MM-ddTHH:mm:ssZ}";
        var host = FirstKey(await http.GetFromJsonAsync<JsonElement>($"/api/v1/top?by=local_host&limit=1&{range}"), "rows");
        var asn = (await http.GetFromJsonAsync<JsonElement>($"/api/v1/as/traffic?limit=10&{range}"))
            .GetProperty("top").GetProperty("rows").EnumerateArray()
            .Select(r => r.GetProperty("key").GetString()!).First(key => key != "none");
        var ifKey = FirstKey((await http.GetFromJsonAsync<JsonElement>($"/api/v1/as/{asn}/interfaces?{range}")).GetProperty("inbound"), "rows");
        return
        [
            PaintTarget.Chart("Overview", "/", "chart-bits"),
            PaintTarget.Chart("Applications", "/applications", "applications-chart"),
            PaintTarget.Row("Hosts", "/hosts", "host-row"),
            PaintTarget.Chart("Host", $"/hosts/{Uri.EscapeDataString(host)}", "host-applications"),
            PaintTarget.Chart("AS analysis", "/as", "as-chart"),
            PaintTarget.Chart("Origin AS", $"/as/{asn}", "as-interfaces-chart"),
            PaintTarget.Row("Interfaces", "/interfaces", "interface-row"),
            PaintTarget.Chart("Interface", $"/interfaces/{ifKey}", "if-inbound"),
            PaintTarget.Row("Exporters", "/exporters", "exporter-row"),
            PaintTarget.Row("Flow explorer", "/flows", "flow-row"),
        ];
    }

    private static string FirstKey(JsonElement answer, string rows) =>
        answer.GetProperty(rows).EnumerateArray().First().GetProperty("key").GetString()
        ?? throw new InvalidOperationException("no traffic yet: let the demo run longer");

    /// <summary>Nearest rank.</summary>
    private static double Percentile(double[] values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }

    internal static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3]) : "n/a";
}
