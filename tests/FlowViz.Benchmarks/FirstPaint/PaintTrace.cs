using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace FlowViz.Benchmarks.FirstPaint;

/// <summary>
/// Where a chart page's first paint goes (tests/benchmarks/README.md, first-paint.sh): each page is loaded a few times in a
/// fresh context with chromium's performance trace on (devtools.timeline, v8); the trace is cut at navigation start and
/// at the main chart's first area (<see cref="PaintProbe"/>), and the page's main thread between the two is summed by
/// kind — each script's evaluation (compile included), calls into each script, style, layout, paint, HTML parsing,
/// garbage collection — beside each script's fetch and the chart module's own measures (flowviz:* performance
/// measures: option building and apexcharts' render per chart, with its point count).
/// </summary>
public static class PaintTrace
{
    private static readonly string[] Categories =
    [
        "devtools.timeline", "disabled-by-default-devtools.timeline", "v8", "v8.execute", "blink.user_timing", "loading",
        "toplevel",
    ];

    public static async Task RunAsync(IBrowser browser, Uri baseAddress, IReadOnlyList<PaintTarget> targets, int runs)
    {
        foreach (var target in targets.Where(t => t.IsChart))
        {
            Console.WriteLine($"== {target.Name} ({target.PathAndQuery}), {runs} traced loads, medians in ms; load average {FirstPaintBenchmark.LoadAverage()}");
            var loads = new List<Dictionary<string, double>>();
            for (var i = 0; i <= runs; i++)
            {
                var load = await TraceOneAsync(browser, baseAddress, target, printTimeline: i == runs);
                if (i > 0)
                {
                    loads.Add(load); // the first is a warm-up
                }
            }
            foreach (var key in loads.SelectMany(l => l.Keys).Distinct().Order(StringComparer.Ordinal))
            {
                var values = loads.Select(l => l.GetValueOrDefault(key, 0)).Order().ToArray();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {key,-64} {values[values.Length / 2],8:0.0}   ({string.Join(" ", values.Select(v => v.ToString("0", CultureInfo.InvariantCulture)))})"));
            }
        }
    }

    private static async Task<Dictionary<string, double>> TraceOneAsync(IBrowser browser, Uri baseAddress, PaintTarget target, bool printTimeline)
    {
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1400, Height = 1000 },
            Locale = "en-GB",
            TimezoneId = "UTC",
        });
        await context.AddInitScriptAsync(PaintProbe.For(target));
        var page = await context.NewPageAsync();
        var cdp = await context.NewCDPSessionAsync(page);
        var collected = new List<JsonElement>();
        var complete = new TaskCompletionSource();
        cdp.Event("Tracing.dataCollected").OnEvent += (_, data) =>
        {
            lock (collected)
            {
                collected.AddRange(data!.Value.GetProperty("value").EnumerateArray().Select(e => e.Clone()));
            }
        };
        cdp.Event("Tracing.tracingComplete").OnEvent += (_, _) => complete.TrySetResult();
        var profile = Environment.GetEnvironmentVariable("PAINT_PROFILE") == "1" && printTimeline;
        if (profile)
        {
            await cdp.SendAsync("Profiler.enable");
            await cdp.SendAsync("Profiler.setSamplingInterval", new() { ["interval"] = 200 });
            await cdp.SendAsync("Profiler.start");
        }
        await cdp.SendAsync("Tracing.start", new() { ["categories"] = string.Join(',', Categories), ["transferMode"] = "ReportEvents" });
        await page.GotoAsync(new Uri(baseAddress, target.PathAndQuery).ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
        await page.WaitForFunctionAsync("() => window.__paint?.meaningful != null", null, new PageWaitForFunctionOptions { Timeout = 60_000 });
        var stages = await page.EvaluateAsync<double[]>(PaintProbe.Read);
        var measures = await page.EvaluateAsync<JsonElement>("() => performance.getEntriesByType('measure').map(m => [m.name, m.startTime, m.duration, m.detail?.points ?? 0])");
        var resources = await page.EvaluateAsync<JsonElement>("() => performance.getEntriesByType('resource').map(r => [r.name, r.startTime, r.responseEnd])");
        if (profile)
        {
            PrintProfile((await cdp.SendAsync("Profiler.stop"))!.Value.GetProperty("profile"));
        }
        await cdp.SendAsync("Tracing.end");
        await complete.Task.WaitAsync(TimeSpan.FromSeconds(60));
        if (Environment.GetEnvironmentVariable("PAINT_TRACE_DIR") is { Length: > 0 } keep)
        {
            // Kept for a closer look (chromium's trace viewer, Perfetto): the page's name and the paint time in the file name.
            var name = string.Create(CultureInfo.InvariantCulture, $"{target.Name.Replace(' ', '-')}-{stages[(int)PaintProbe.Stage.Meaningful]:0}ms.json");
            await File.WriteAllTextAsync(Path.Combine(keep, name), JsonSerializer.Serialize(new { traceEvents = collected }));
        }
        {
            var result = new Dictionary<string, double>
            {
                ["0 first area"] = stages[(int)PaintProbe.Stage.Meaningful],
                ["0 response end"] = stages[(int)PaintProbe.Stage.ResponseEnd],
                ["0 DOMContentLoaded end"] = stages[(int)PaintProbe.Stage.DomContentLoaded],
            };
            foreach (var r in resources.EnumerateArray())
            {
                var name = ShortName(r[0].GetString()!);
                if (name.EndsWith(".js", StringComparison.Ordinal) || name.EndsWith(".css", StringComparison.Ordinal))
                {
                    result[$"1 fetch {name} start"] = r[1].GetDouble();
                    result[$"1 fetch {name} end"] = r[2].GetDouble();
                }
            }
            foreach (var m in measures.EnumerateArray().Where(m => m[1].GetDouble() < stages[(int)PaintProbe.Stage.Meaningful]))
            {
                var name = m[0].GetString()!;
                result[$"3 {name} start"] = m[1].GetDouble();
                result[$"3 {name} ms"] = result.GetValueOrDefault($"3 {name} ms") + m[2].GetDouble();
                result[$"3 {name} points"] = m[3].GetDouble();
            }
            foreach (var (kind, ms) in MainThread(collected, stages[(int)PaintProbe.Stage.Meaningful], printTimeline))
            {
                result["2 main thread " + kind] = ms;
            }
            return result;
        }
    }

    /// <summary>
    /// The renderer's main thread from navigation start to the first area, by kind (ms): self time of each trace event,
    /// so nested events are not counted twice. Navigation start is found through the probe's performance mark.
    /// </summary>
    private static IEnumerable<(string Kind, double Ms)> MainThread(List<JsonElement> events, double meaningfulMs, bool printTimeline)
    {
        var main = events.FirstOrDefault(e => e.GetProperty("name").GetString() == "thread_name"
            && e.GetProperty("args").GetProperty("name").GetString() == "CrRendererMain"
            && HasProbeMark(events, e.GetProperty("pid").GetInt32()));
        if (main.ValueKind == JsonValueKind.Undefined)
        {
            yield return ("(renderer main thread not found)", 0);
            yield break;
        }
        var (pid, tid) = (main.GetProperty("pid").GetInt32(), main.GetProperty("tid").GetInt32());
        var mark = events.First(e => e.GetProperty("name").GetString() == "paint-probe:meaningful" && e.GetProperty("pid").GetInt32() == pid);
        var end = mark.GetProperty("ts").GetDouble();
        var start = end - meaningfulMs * 1000;
        var spans = events
            .Where(e => e.GetProperty("pid").GetInt32() == pid && e.GetProperty("tid").GetInt32() == tid
                && e.GetProperty("ph").GetString() == "X" && e.TryGetProperty("dur", out _))
            .Select(e => new Span(Kind(e), e.GetProperty("ts").GetDouble(), e.GetProperty("ts").GetDouble() + e.GetProperty("dur").GetDouble()))
            .Where(s => s.End > start && s.Start < end)
            .OrderBy(s => s.Start).ThenByDescending(s => s.End)
            .ToList();
        var self = new Dictionary<string, double>();
        var stack = new Stack<Span>();
        var busy = 0.0;
        Span? top = null;
        var inTop = new Dictionary<string, double>();
        foreach (var span in spans)
        {
            while (stack.Count > 0 && stack.Peek().End <= span.Start)
            {
                stack.Pop();
            }
            var clipped = Math.Min(span.End, end) - Math.Max(span.Start, start);
            self[span.Kind] = self.GetValueOrDefault(span.Kind) + clipped;
            if (stack.Count > 0)
            {
                var parent = stack.Peek();
                self[parent.Kind] -= clipped;
                inTop[parent.Kind] = inTop.GetValueOrDefault(parent.Kind) - clipped;
            }
            else
            {
                busy += clipped;
                if (printTimeline && top is not null)
                {
                    PrintTask(top, start, inTop);
                }
                (top, inTop) = (span, new Dictionary<string, double>());
            }
            inTop[span.Kind] = inTop.GetValueOrDefault(span.Kind) + clipped;
            stack.Push(span);
        }
        if (printTimeline && top is not null)
        {
            PrintTask(top, start, inTop);
        }
        yield return ("busy", busy / 1000);
        foreach (var (kind, us) in self.Where(p => p.Value >= 1000).OrderByDescending(p => p.Value))
        {
            yield return (kind, us / 1000);
        }
    }

    /// <summary>One line per main-thread task of 10 ms or more: when it started, how long it ran, what ran in it.</summary>
    private static void PrintTask(Span task, double navigationStart, Dictionary<string, double> inside)
    {
        if (task.End - task.Start < 10_000)
        {
            return;
        }
        var what = string.Join(", ", inside.Where(p => p.Value >= 2000).OrderByDescending(p => p.Value)
            .Take(4).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value / 1000:0}")));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    task at {(task.Start - navigationStart) / 1000,6:0} ms, {(task.End - task.Start) / 1000,5:0} ms: {what}"));
    }

    /// <summary>The 30 functions with the most self time in the load's CPU profile (PAINT_PROFILE=1, last load only).</summary>
    private static void PrintProfile(JsonElement profile)
    {
        var nodes = profile.GetProperty("nodes").EnumerateArray().ToDictionary(n => n.GetProperty("id").GetInt32(), n =>
        {
            var frame = n.GetProperty("callFrame");
            return $"{frame.GetProperty("functionName").GetString()} {ShortName(frame.GetProperty("url").GetString()!)}:{frame.GetProperty("lineNumber").GetInt32()}:{frame.GetProperty("columnNumber").GetInt32()}";
        });
        var samples = profile.GetProperty("samples").EnumerateArray().Select(x => x.GetInt32()).ToArray();
        var deltas = profile.GetProperty("timeDeltas").EnumerateArray().Select(x => x.GetDouble()).ToArray();
        var self = new Dictionary<string, double>();
        for (var i = 0; i + 1 < samples.Length; i++)
        {
            self[nodes[samples[i]]] = self.GetValueOrDefault(nodes[samples[i]]) + deltas[i + 1];
        }
        foreach (var (name, us) in self.OrderByDescending(p => p.Value).Take(30))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    profile {us / 1000,7:0.0} ms  {name}"));
        }
    }

    private sealed record Span(string Kind, double Start, double End);

    private static bool HasProbeMark(List<JsonElement> events, int pid) => events
        .Any(e => e.GetProperty("pid").GetInt32() == pid && e.GetProperty("name").GetString() == "paint-probe:meaningful");

    private static string Kind(JsonElement e)
    {
        var name = e.GetProperty("name").GetString()!;
        var data = e.TryGetProperty("args", out var args) && args.TryGetProperty("data", out var d) ? d : default;
        string? Url() => data.ValueKind == JsonValueKind.Object && data.TryGetProperty("url", out var u) ? ShortName(u.GetString() ?? "") : null;
        return name switch
        {
            "RunTask" or "ThreadControllerImpl::RunTask" => "task",
            "EvaluateScript" or "v8.evaluateModule" or "v8.compile" or "v8.compileModule" or "v8.produceCache" or "v8.parseOnBackground"
                => $"evaluate {Url() ?? "(module)"}",
            "FunctionCall" => $"call {Url() ?? "?"}",
            "TimerFire" or "FireAnimationFrame" or "EventDispatch" or "RunMicrotasks" or "V8.Execute" or "v8.callFunction" or "v8.run"
                => $"script {name}" + (data.ValueKind == JsonValueKind.Object && data.TryGetProperty("type", out var type) ? " " + type.GetString() : ""),
            "UpdateLayoutTree" or "ScheduleStyleRecalculation" or "ParseAuthorStyleSheet" => "style",
            "Layout" or "UpdateLayerTree" or "PrePaint" or "Layerize" => "layout",
            "Paint" or "PaintImage" or "Commit" or "RasterTask" => "paint",
            "ParseHTML" => "parse HTML",
            "MinorGC" or "MajorGC" or "V8.GC_SCAVENGER" or "V8.GCScavenger" or "V8.GCFinalizeMC" or "BlinkGC.AtomicPhase" => "GC",
            _ => $"other ({name})",
        };
    }

    private static string ShortName(string url)
    {
        var path = Uri.TryCreate(url, UriKind.Absolute, out var u) ? u.AbsolutePath : url;
        return path.Length == 0 ? url : path[(path.LastIndexOf('/') + 1)..];
    }
}
