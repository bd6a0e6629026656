// FlowViz's chart module over apexcharts 4.7.0 (MIT). StackedTrafficChart imports it as ./lib/flowviz-chart.js;
// the build copies it there next to apexcharts.min.js, which is injected once, on the first create().
//
// Payload from .NET (ChartPayload): { height, unit, mirrored, timeZone, scale: [{ factor, suffix }],
//   series: [{ key, name, color, data: [[unixMilliseconds, rate], ...] }] }

let apexLoading;

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

function toApexSeries(series) {
    return series.map(s => ({ name: s.name, data: s.data, color: s.color }));
}

function themeOf(element) {
    const dark = window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
    const style = getComputedStyle(element);
    return {
        theme: { mode: dark ? 'dark' : 'light' },
        foreColor: style.color,
        gridColor: style.getPropertyValue('--chart-grid').trim() || (dark ? '#3a3f47' : '#e3e6ea'),
    };
}

function buildOptions(element, payload) {
    const { unit, scale, mirrored, timeZone } = payload;
    const look = themeOf(element);
    return {
        chart: {
            type: 'area', stacked: true, height: payload.height, background: 'transparent',
            foreColor: look.foreColor, animations: { enabled: false }, toolbar: { show: false },
            zoom: { enabled: false }, fontFamily: 'inherit',
        },
        theme: look.theme,
        series: toApexSeries(payload.series),
        dataLabels: { enabled: false },
        stroke: { width: 1, curve: 'straight' },
        fill: { type: 'solid', opacity: 0.85 },
        grid: { borderColor: look.gridColor },
        legend: { position: 'bottom', horizontalAlign: 'left' },
        noData: { text: 'No data in this range' },
        xaxis: {
            type: 'datetime',
            labels: { datetimeUTC: timeZone === 'UTC' },
            tooltip: { enabled: false },
        },
        yaxis: {
            title: { text: unit },
            labels: { formatter: v => formatRate(v, scale, mirrored, true) },
        },
        annotations: mirrored ? { yaxis: [{ y: 0, borderColor: look.foreColor, strokeDashArray: 0 }] } : {},
        tooltip: {
            shared: true,
            x: { formatter: ms => formatTime(ms, timeZone) },
            y: { formatter: v => formatRate(v, scale, mirrored, false) },
        },
    };
}

export async function create(element, payload) {
    const ApexCharts = await loadApexCharts();
    const chart = new ApexCharts(element, buildOptions(element, payload));
    await chart.render();
    const handle = { chart, element, payload };
    handle.onScheme = () => handle.chart.updateOptions(buildOptions(element, handle.payload), false, false);
    window.matchMedia?.('(prefers-color-scheme: dark)').addEventListener('change', handle.onScheme);
    return handle;
}

// Series only when that is all that changed; the whole option set when unit, scale or height did.
export async function update(handle, payload) {
    const old = handle.payload;
    handle.payload = payload;
    const sameShape = old.unit === payload.unit && old.mirrored === payload.mirrored
        && old.height === payload.height && old.timeZone === payload.timeZone;
    if (sameShape) {
        await handle.chart.updateSeries(toApexSeries(payload.series), false);
    } else {
        await handle.chart.updateOptions(buildOptions(handle.element, payload), true, false);
    }
}

export function destroy(handle) {
    window.matchMedia?.('(prefers-color-scheme: dark)').removeEventListener('change', handle.onScheme);
    handle.chart.destroy();
}
