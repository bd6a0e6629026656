// FlowViz's chart module over apexcharts 4.7.0 (MIT). StackedTrafficChart imports it as ./lib/flowviz-chart.js;
// the build copies it there next to apexcharts.min.js, which is injected once, on the first create().
//
// Payload from .NET (ChartPayload): { height, unit, mirrored, timeZone, scale: [{ factor, suffix }],
//   axisFrom, axisTo (the range's Unix milliseconds, or null), zoomable, averagedSeconds, axisTitle,
//   series: [{ key, name, color, data: [[unixMilliseconds, rate], ...] }] }
//
// The URL owns the time range: dragging over a zoomable chart only reports the new range to .NET
// (OnZoomedAsync), which navigates; the chart then receives data for that range like any other update.
// Updates keep what the user did in the chart: series hidden through the legend stay hidden by name.
//
// Mirrored charts (CUFlow's out above the axis, in below): series arrive with direction 'in' already negated.
// apexcharts 4.7 stacks an area series on the previous one whatever its sign, so an in-series would start from the
// top of the out-stack. Mirrored charts are therefore stacked here (mirroredLayers): each side is summed from the
// axis outwards and drawn unstacked, outermost layer first, so each band shows one series; tooltips read the
// series' own rates from the payload, and legend clicks do not hide a layer (the bands outside it would move).

let apexLoading;
let drawn = 0; // charts mounted in this document: names the performance measures

// A performance measure (flowviz:options #1, flowviz:render #1, with the chart's point count): what the first-paint
// benchmark's trace reads (tests/FlowViz.Benchmarks/FirstPaint/PaintTrace.cs); a few entries per chart drawn.
function measure(handle, what, start) {
    const points = handle.payload.series.reduce((n, s) => n + s.data.length, 0);
    performance.measure?.(`flowviz:${what} #${handle.number}`, { start, end: performance.now(), detail: { points } });
}

async function renderMeasured(handle) {
    const start = performance.now();
    await handle.chart.render();
    measure(handle, 'render', start);
}

function loadApexCharts() {
    if (window.ApexCharts) {
        return Promise.resolve(window.ApexCharts);
    }
    apexLoading ??= new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = new URL('./apexcharts.min.js', import.meta.url).href;
        script.onload = () => resolve(window.ApexCharts);
        script.onerror = () => {
            apexLoading = undefined;
            reject(new Error(`could not load ${script.src}`));
        };
        document.head.appendChild(script);
    });
    return apexLoading;
}

// From flowviz.lib.module.js while the circuit connects on a page with a prerendered chart: apexcharts is then parsed
// and run before the first create() asks for it.
export function preload() {
    return loadApexCharts();
}

// Same rule as TrafficUnits.Format in .NET: the largest prefix not above |value|, 3 significant digits,
// whole numbers below the first prefix stay whole.
// Axis labels drop trailing zeros ("2 Mbit/s", not "2.00 Mbit/s").
export function formatRate(value, scale, mirrored, trim) {
    const v = mirrored ? Math.abs(value) : value;
    const magnitude = Math.abs(v);
    let step = scale[0];
    for (const s of scale) {
        if (magnitude >= s.factor) {
            step = s;
        }
    }
    const n = v / step.factor;
    const an = Math.abs(n);
    const whole = step.factor === 1 && Number.isInteger(n);
    const digits = an === 0 || whole ? 0 : an < 10 ? 2 : an < 100 ? 1 : 0;
    let text = n.toFixed(digits);
    if (trim && text.includes('.')) {
        text = text.replace(/\.?0+$/, '');
    }
    if (text === '-0') {
        text = '0';
    }
    return text + step.suffix;
}

function formatTime(ms, timeZone) {
    return new Intl.DateTimeFormat(undefined, {
        timeZone, year: 'numeric', month: 'short', day: 'numeric',
        hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
    }).format(new Date(ms));
}

function toApexSeries(series, hidden) {
    return series.map(s => ({ name: s.name, data: s.data, color: s.color, hidden: hidden?.has(s.name) ?? false }));
}

function isBelow(s) {
    return s.direction === 'in' || (s.direction == null && s.data.some(p => p[1] < 0));
}

// The layers of a mirrored chart, in drawing order: [{ index (into series), data: [[x, cumulative], ...] }].
// Above and below the axis separately, the k-th series of a side is drawn at the sum of the side's first k+1 series
// (points are matched by position: one query's series share their buckets); the outermost layer comes first so
// that the inner ones are painted over it. Series that are zero throughout are left out (the query service keeps a
// key's empty in or out series for pairing; a legend full of them says nothing).
export function mirroredLayers(series) {
    const layers = [];
    for (const below of [false, true]) {
        const side = series.map((s, index) => ({ s, index }))
            .filter(({ s }) => isBelow(s) === below && s.data.some(p => p[1] !== 0));
        let sums = [];
        const stacked = side.map(({ s, index }) => {
            sums = s.data.map((p, j) => [p[0], (sums[j]?.[1] ?? 0) + p[1]]);
            return { index, data: sums };
        });
        layers.push(...stacked.reverse());
    }
    return layers;
}

// The apexcharts series of the handle's payload; remembers which payload series each one draws (handle.sources).
function seriesOf(handle, hidden) {
    const { payload } = handle;
    if (!payload.mirrored) {
        handle.sources = undefined;
        return toApexSeries(payload.series, hidden);
    }
    const layers = mirroredLayers(payload.series);
    handle.sources = layers.map(layer => layer.index);
    return layers.map(({ index, data }) => {
        const s = payload.series[index];
        return { name: s.name, data, color: s.color, hidden: false };
    });
}

// The rate a tooltip shows: a mirrored layer's own rate (not the cumulative one drawn), with its direction.
function tooltipValue(handle, value, { seriesIndex, dataPointIndex }) {
    const { scale, mirrored } = handle.payload;
    const source = mirrored ? handle.payload.series[handle.sources?.[seriesIndex]] : undefined;
    if (!source) {
        return formatRate(value, scale, mirrored, false);
    }
    const own = source.data[dataPointIndex]?.[1] ?? 0;
    const direction = source.direction === 'in' || own < 0 ? 'in' : source.direction === 'other' ? 'internal/transit' : 'out';
    return `${formatRate(own, scale, true, false)} ${direction}`;
}

// Names of the series the user hid by clicking the legend; apexcharts keeps them by index only.
function hiddenNames(chart) {
    const w = chart.w;
    return new Set([...w.globals.collapsedSeries, ...w.globals.ancillaryCollapsedSeries]
        .map(c => w.config.series[c.index]?.name)
        .filter(name => name !== undefined));
}

// The page's theme toggle (data-theme on <html>) wins over the system preference.
export function isDark() {
    const chosen = document.documentElement.dataset.theme;
    if (chosen === 'dark' || chosen === 'light') {
        return chosen === 'dark';
    }
    return window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
}

function themeOf(element) {
    const dark = isDark();
    const style = getComputedStyle(element);
    return {
        theme: { mode: dark ? 'dark' : 'light' },
        foreColor: style.color,
        gridColor: style.getPropertyValue('--chart-grid').trim() || (dark ? '#3a3f47' : '#e3e6ea'),
    };
}

// Zoomable whether or not .NET is attached yet: a chart drawn from the prerendered HTML is adopted by its component
// later (create), which sets handle.dotNet; a drag before that ends as no more than the selection shown.
function zoomOptions(handle) {
    if (!handle.payload.zoomable) {
        return { zoom: { enabled: false }, events: {} };
    }
    return {
        zoom: { enabled: true, type: 'x', autoScaleYaxis: false },
        events: {
            // Whole seconds; .NET decides the new range and puts it in the URL.
            zoomed: (_, { xaxis }) => handle.dotNet?.invokeMethodAsync('OnZoomedAsync',
                Math.floor(xaxis.min / 1000), Math.ceil(xaxis.max / 1000)),
        },
    };
}

function buildOptions(handle, hidden) {
    const { element, payload } = handle;
    const { scale, mirrored, timeZone } = payload;
    const look = themeOf(element);
    const zoom = zoomOptions(handle);
    return {
        chart: {
            type: 'area', stacked: !mirrored, height: payload.height, background: 'transparent',
            foreColor: look.foreColor, animations: { enabled: false },
            parentHeightOffset: 0, // the chart is `height` tall, as the static picture it replaces (StaticChart)
            toolbar: { show: false, autoSelected: 'zoom' }, zoom: zoom.zoom, events: zoom.events, fontFamily: 'inherit',
        },
        theme: look.theme,
        series: seriesOf(handle, hidden),
        dataLabels: { enabled: false },
        stroke: { width: 1, curve: 'straight' },
        // Opaque when mirrored: the layers overlap, and a translucent one would tint the bands inside it.
        fill: { type: 'solid', opacity: mirrored ? 1 : 0.85 },
        grid: { borderColor: look.gridColor, position: mirrored ? 'front' : 'back' }, // opaque layers would hide it
        legend: { position: 'bottom', horizontalAlign: 'left', onItemClick: { toggleDataSeries: !mirrored } },
        noData: { text: 'No data in this range' },
        xaxis: {
            type: 'datetime',
            min: payload.axisFrom ?? undefined,
            max: payload.axisTo ?? undefined,
            labels: { datetimeUTC: timeZone === 'UTC' },
            tooltip: { enabled: false },
        },
        yaxis: {
            title: { text: payload.axisTitle }, // ChartPayload.AxisTitle: the unit, directions, averaging
            // Mirrored labels are magnitudes: "2 Mbit/s" above and below the axis, which apexcharts would blank as duplicates.
            labels: { formatter: v => formatRate(v, scale, mirrored, true), showDuplicates: mirrored },
        },
        annotations: mirrored ? { yaxis: [{ y: 0, borderColor: look.foreColor, strokeDashArray: 0 }] } : {},
        tooltip: {
            shared: true,
            x: { formatter: ms => formatTime(ms, timeZone) },
            y: { formatter: (v, context) => tooltipValue(handle, v, context ?? {}) },
        },
    };
}

// The chart of a container: apexcharts draws into a host element of ours, not into the container Blazor renders, so
// that a chart drawn from the prerendered HTML can move into the interactive render's container (adopt, below).
// apexcharts watches its element's parent for resizes: the host's parent is a wrapper that moves with it.
function mount(ApexCharts, element, payload, dotNet) {
    const host = document.createElement('div');
    host.className = 'traffic-chart-host';
    const canvas = host.appendChild(document.createElement('div'));
    element.appendChild(host);
    const handle = { element, host, payload, dotNet, number: ++drawn };
    const start = performance.now();
    handle.chart = new ApexCharts(canvas, buildOptions(handle));
    measure(handle, 'options', start);
    handle.onScheme = () => handle.chart.updateOptions(buildOptions(handle, hiddenNames(handle.chart)), false, false);
    window.matchMedia?.('(prefers-color-scheme: dark)').addEventListener('change', handle.onScheme);
    window.addEventListener('flowviz:theme', handle.onScheme);
    return handle;
}

// dotNet: a DotNetObjectReference with OnZoomedAsync(fromSeconds, toSeconds), or null when not zoomable.
// A chart already drawn in this container from the prerendered HTML is adopted: it gets the .NET reference and the
// payload as an update (nothing redrawn when the payload is the one it was drawn from), not a second chart.
export async function create(element, payload, dotNet) {
    const adopted = await adopt(element);
    if (adopted) {
        adopted.dotNet = dotNet;
        await update(adopted, payload);
    }
    const handle = adopted ?? await drawFresh(element, payload, dotNet);
    element.dataset.interactive = 'true'; // the component has it: zoom reaches .NET (end-to-end tests wait for this)
    return handle;
}

async function drawFresh(element, payload, dotNet) {
    const handle = mount(await loadApexCharts(), element, payload, dotNet);
    entries.set(element, { dropped: true }); // holds a chart of its own: no prerendered one moves in
    await renderMeasured(handle);
    showAxisEnd(handle);
    return handle;
}

// Series (and the range's bounds) only when that is all that changed, the whole option set otherwise;
// either way series hidden through the legend stay hidden.
export async function update(handle, payload) {
    const old = handle.payload;
    handle.payload = payload;
    if (JSON.stringify(old) === JSON.stringify(payload)) {
        return; // an adopted chart's first update, typically: what is drawn is what was asked for
    }
    const hidden = hiddenNames(handle.chart);
    const sameShape = old.unit === payload.unit && old.mirrored === payload.mirrored && old.averagedSeconds === payload.averagedSeconds
        && old.height === payload.height && old.timeZone === payload.timeZone && old.zoomable === payload.zoomable;
    if (!sameShape) {
        await handle.chart.updateOptions(buildOptions(handle, hidden), true, false);
        showAxisEnd(handle);
        return;
    }
    // Axis bounds first: apexcharts 4.7 skips the redraw of an updateOptions whose options equal the ones it
    // records on entry (i.e. always, for {xaxis}), but it does keep the bounds, and updateSeries draws with them.
    if (old.axisFrom !== payload.axisFrom || old.axisTo !== payload.axisTo) {
        await handle.chart.updateOptions({ xaxis: { min: payload.axisFrom ?? undefined, max: payload.axisTo ?? undefined } }, false, false);
    }
    await handle.chart.updateSeries(seriesOf(handle, hidden), false);
    showAxisEnd(handle);
}

// Where the drawn time axis ends (Unix ms), as apexcharts computed it: lets a test see live updates land.
function showAxisEnd(handle) {
    handle.element.dataset.axisEnd = String(handle.chart.w.globals.maxX);
}

export function destroy(handle) {
    window.matchMedia?.('(prefers-color-scheme: dark)').removeEventListener('change', handle.onScheme);
    window.removeEventListener('flowviz:theme', handle.onScheme);
    handle.chart.destroy();
    handle.host.remove();
}

// Charts drawn before the circuit. The prerendered HTML carries each chart's payload in its container's
// data-prerendered attribute (StackedTrafficChart's non-interactive render), beside the server's static picture of the
// same chart, which the page's first paint shows; drawPrerendered() draws them as soon as the document is parsed (flowviz-chart-prerendered.js, a module script in App.razor's head). When the circuit starts,
// Blazor replaces the prerendered markup with the interactive render's in one batch; a MutationObserver, whose
// callback runs before the next paint, moves each drawn chart into its replacement (the first new container with the
// same aria-label, in document order) and create() adopts it there. A drawn chart whose container went without a
// replacement (the page rendered something else) is destroyed.
const waiting = [];            // drawn from the prerender, not adopted yet: { key, element, handle, ready, dropped }
const entries = new WeakMap(); // container → the entry whose chart it holds
let observer;

function keyOf(element) {
    return element.getAttribute('aria-label') ?? '';
}

// Returns a promise that settles once the first chart drawn here has been painted (at once when there is none): Blazor
// starts then (flowviz-start.js), so that its start does not hold the main thread before the page's main chart.
export function drawPrerendered(root = document) {
    // One chart at a time, in document order (a page's main chart comes first), with a paint between them: drawn
    // back to back, all of a page's charts would reach the screen together, after the last one. The first only after
    // the page's first paint: the server's static pictures are on screen then, and apexcharts' compilation and first
    // render (100–500 ms) would otherwise hold that paint back.
    let previous = afterNextPaint();
    let first;
    for (const element of root.querySelectorAll('.traffic-chart[data-prerendered]')) {
        if (entries.has(element) || !element.isConnected) {
            continue;
        }
        const entry = { key: keyOf(element), element, handle: null, dropped: false };
        // On failure create() draws afresh, and reports what fails again.
        entry.ready = previous.then(() => drawEntry(entry, JSON.parse(element.dataset.prerendered))).catch(() => null);
        previous = entry.ready.then(afterNextPaint);
        first ??= previous;
        entries.set(element, entry);
        waiting.push(entry);
    }
    if (!observer && waiting.length > 0) {
        observer = new MutationObserver(moveOrphans);
        observer.observe(document.body, { childList: true, subtree: true });
    }
    return first ?? Promise.resolve();
}

// After the browser has painted a frame; a hidden tab paints none, so at most 100 ms later there (timers still run),
// and 500 ms in a visible one whatever happens.
function afterNextPaint() {
    return new Promise(resolve => {
        requestAnimationFrame(() => setTimeout(resolve, 0));
        setTimeout(resolve, document.visibilityState === 'hidden' ? 100 : 500);
    });
}

async function drawEntry(entry, payload) {
    const ApexCharts = await loadApexCharts();
    if (entry.dropped) {
        return null;
    }
    const handle = entry.handle = mount(ApexCharts, entry.element, payload, null); // entry.element: replaced meanwhile?
    await renderMeasured(handle);
    if (entry.dropped) {
        return null; // dropped while it rendered: drop() has destroyed it
    }
    removeStaticPicture(handle.element);
    showAxisEnd(handle);
    return handle;
}

// The server's static picture of the chart (StaticChart in .NET), shown over the container until apexcharts has drawn
// the same chart beneath it (hidden by CSS while the picture is there). An interactive render's container has none.
function removeStaticPicture(element) {
    element.querySelector(':scope > .traffic-chart-static')?.remove();
}

function moveOrphans() {
    const orphans = waiting.filter(entry => !entry.element.isConnected);
    if (orphans.length > 0) {
        const free = [...document.querySelectorAll('.traffic-chart:not([data-prerendered])')].filter(element => !entries.has(element));
        for (const entry of orphans) {
            const index = free.findIndex(element => keyOf(element) === entry.key);
            if (index < 0) {
                drop(entry);
            } else {
                moveEntry(entry, free.splice(index, 1)[0]);
            }
        }
    }
    if (waiting.length === 0 && observer) {
        observer.disconnect();
        observer = undefined;
    }
}

function moveEntry(entry, element) {
    // Not drawn yet, or drawing: the server's picture goes along, so the replacement shows the chart meanwhile
    // (first, as in the prerender: while it is there, CSS hides the chart being drawn after it).
    const picture = entry.element.querySelector(':scope > .traffic-chart-static');
    if (picture) {
        element.prepend(picture);
    }
    entries.delete(entry.element);
    entry.element = element;
    entries.set(element, entry);
    if (entry.handle) {
        entry.handle.element = element;
        element.appendChild(entry.handle.host);
        showAxisEnd(entry.handle);
    }
}

function drop(entry) {
    entry.dropped = true;
    waiting.splice(waiting.indexOf(entry), 1);
    entries.delete(entry.element);
    if (entry.handle) {
        destroy(entry.handle);
    }
}

// The chart drawn from the prerender that this container holds (or is to hold), once drawn; null when there is none.
async function adopt(element) {
    moveOrphans(); // a replacement the observer has not reported yet
    const entry = entries.get(element);
    if (!entry || entry.dropped) {
        return null;
    }
    waiting.splice(waiting.indexOf(entry), 1);
    moveOrphans(); // disconnects the observer when this was the last one
    return entry.ready;
}
