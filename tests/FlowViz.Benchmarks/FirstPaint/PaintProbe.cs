namespace FlowViz.Benchmarks.FirstPaint;

/// <summary>
/// The script every measured document runs before its own (Playwright's init script): it notes, in
/// <c>performance.now()</c> (milliseconds since the navigation started), when Blazor's circuit came up (the app's
/// lib module sets <c>window.__circuitReady</c>), when the data's element and when the target element first appeared
/// (a MutationObserver, checked again on each animation frame so an attribute-only change is not missed), and when the
/// interactive chart was drawn. An element counts as painted at the start of the first animation frame after it appeared:
/// the frame that paints it. (An element inserted by the HTML parser appears before the page's first paint; one drawn by
/// a script, in the middle of that script's task.)
/// </summary>
public static class PaintProbe
{
    public static string For(PaintTarget target) => $$"""
        (() => {
            const selector = {{System.Text.Json.JsonSerializer.Serialize(target.Selector)}};
            const dataSelector = {{System.Text.Json.JsonSerializer.Serialize(target.DataSelector)}};
            const drawnSelector = {{System.Text.Json.JsonSerializer.Serialize(target.DrawnSelector)}};
            window.__paint = { circuit: null, data: null, meaningful: null, drawn: null, contentful: null };
            // The browser's first contentful paint (any text or image): what the page shows before its data does.
            new PerformanceObserver(list => {
                window.__paint.contentful ??= list.getEntries().find(e => e.name === 'first-contentful-paint')?.startTime ?? null;
            }).observe({ type: 'paint', buffered: true });
            const seen = { meaningful: false, drawn: false };
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
                if (!seen.meaningful && document.querySelector(selector)) {
                    seen.meaningful = true;
                    requestAnimationFrame(() => {
                        window.__paint.meaningful = performance.now();
                        performance.mark('paint-probe:meaningful'); // the trace's anchor (PaintTrace)
                    });
                }
                if (!seen.drawn && document.querySelector(drawnSelector)) {
                    seen.drawn = true;
                    requestAnimationFrame(() => window.__paint.drawn = performance.now());
                }
                return seen.meaningful && seen.drawn;
            };
            new MutationObserver((_, observer) => { if (check()) observer.disconnect(); })
                .observe(document, { childList: true, subtree: true });
            const frame = () => { if (!check()) requestAnimationFrame(frame); };
            requestAnimationFrame(frame);
        })();
        """;

    /// <summary>Indexes into <see cref="Read"/>'s answer.</summary>
    public enum Stage
    {
        ResponseEnd, DomContentLoaded, Circuit, Data, Meaningful, Drawn, FirstContentfulPaint,
        BlazorScriptEnd, NegotiateStart, NegotiateEnd, StateChars, HtmlBytes, ChartPayloadChars,
        RequestStart, ResponseStart, RenderBlockingEnd,
    }

    /// <summary>
    /// What the page knows when the target has appeared, in <see cref="Stage"/> order: times in ms from navigation start
    /// (−1: not seen), then the size of Blazor's persisted state comment (characters; it goes back up with the circuit's
    /// first message), of the HTML (decoded bytes) and of the charts' prerendered payloads (characters); then when the
    /// document's request went out (after the renderer's start), when its first byte came, and when the last
    /// render-blocking resource (stylesheets, the head's classic script) was in.
    /// </summary>
    public const string Read = """
        () => {
            const nav = performance.getEntriesByType('navigation')[0];
            const resources = performance.getEntriesByType('resource');
            const blazor = resources.find(r => r.name.includes('/_framework/blazor.web'));
            const negotiate = resources.find(r => r.name.includes('/_blazor/negotiate'));
            let state = 0;
            const comments = document.createTreeWalker(document, NodeFilter.SHOW_COMMENT);
            for (let c = comments.nextNode(); c; c = comments.nextNode()) {
                if (c.data.startsWith('Blazor-Server-Component-State:')) {
                    state += c.data.length;
                }
            }
            const payloads = [...document.querySelectorAll('[data-prerendered]')].reduce((n, e) => n + e.dataset.prerendered.length, 0);
            return [nav.responseEnd, nav.domContentLoadedEventEnd, window.__paint.circuit ?? -1, window.__paint.data ?? -1,
                window.__paint.meaningful, window.__paint.drawn ?? -1, window.__paint.contentful ?? -1, blazor?.responseEnd ?? -1, negotiate?.startTime ?? -1, negotiate?.responseEnd ?? -1,
                state, nav.decodedBodySize, payloads,
                nav.requestStart, nav.responseStart,
                Math.max(-1, ...resources.filter(r => r.renderBlockingStatus === 'blocking').map(r => r.responseEnd))];
        }
        """;
}
