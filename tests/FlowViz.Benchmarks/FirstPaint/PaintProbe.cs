namespace FlowViz.Benchmarks.FirstPaint;

/// <summary>
/// The script every measured document runs before its own (Playwright's init script): it notes, in
/// <c>performance.now()</c> (milliseconds since the navigation started), when Blazor's circuit came up (the app's
/// lib module sets <c>window.__circuitReady</c>), when the data's element and when the target element first appeared
/// (a MutationObserver, checked again on each animation frame so an attribute-only change is not missed).
/// </summary>
public static class PaintProbe
{
    public static string For(PaintTarget target) => $$"""
        (() => {
            const selector = {{System.Text.Json.JsonSerializer.Serialize(target.Selector)}};
            const dataSelector = {{System.Text.Json.JsonSerializer.Serialize(target.DataSelector)}};
            window.__paint = { circuit: null, data: null, meaningful: null };
            let ready = false;
            Object.defineProperty(window, '__circuitReady', {
                configurable: true,
                get: () => ready,
                set: value => { ready = value; window.__paint.circuit ??= performance.now(); },
            });
            const check = () => {
                if (window.__paint.data === null && document.querySelector(dataSelector)) {
                    window.__paint.data = performance.now();
                }
                if (window.__paint.meaningful === null && document.querySelector(selector)) {
                    window.__paint.meaningful = performance.now();
                }
                return window.__paint.meaningful !== null;
            };
            new MutationObserver((_, observer) => { if (check()) observer.disconnect(); })
                .observe(document, { childList: true, subtree: true });
            const frame = () => { if (!check()) requestAnimationFrame(frame); };
            requestAnimationFrame(frame);
        })();
        """;

    /// <summary>What the page knows when the target has appeared: [response end, DOMContentLoaded, circuit, data, meaningful paint] in ms.</summary>
    public const string Read = """
        () => {
            const nav = performance.getEntriesByType('navigation')[0];
            return [nav.responseEnd, nav.domContentLoadedEventEnd, window.__paint.circuit ?? -1, window.__paint.data ?? -1, window.__paint.meaningful];
        }
        """;
}
