// Blazor JS initializer: the file name must be <AssemblyName>.lib.module.js, i.e. flowviz.lib.module.js.
// End-to-end tests wait for window.__circuitReady before they interact with interactive components.

export function afterWebStarted(blazor) {
    window.__blazorStarted = true;
    // Enhanced navigation replaces <html>'s attributes with the server's: put the chosen theme back.
    blazor.addEventListener?.('enhancedload', () => window.flowvizApplyTheme?.());
    preloadCharts();
}

// A prerendered chart is drawn only once the circuit is up and the page has imported the chart module, which then
// loads apexcharts (576 kB): start both now, beside the circuit's start. Same module instance as the page's import
// (the import map maps this path); a failure here is left to the chart's own import to report.
function preloadCharts() {
    if (document.querySelector('[data-testid=traffic-chart]')) {
        import('./lib/flowviz-chart.js').then(chart => chart.preload()).catch(() => { });
    }
}

export function afterServerStarted() {
    window.__circuitReady = true;
}
