// Blazor JS initializer: the file name must be <AssemblyName>.lib.module.js, i.e. flowviz.lib.module.js.
// End-to-end tests wait for window.__circuitReady before they interact with interactive components.

export function afterWebStarted(blazor) {
    window.__blazorStarted = true;
    blazor.addEventListener?.('enhancedload', () => {
        // Enhanced navigation replaces <html>'s attributes with the server's: put the chosen theme back.
        window.flowvizApplyTheme?.();
        // And brings a prerendered page, whose charts are drawn here as on a full load (App.razor's module script).
        if (document.querySelector('[data-prerendered]')) {
            import('./lib/flowviz-chart.js').then(chart => chart.drawPrerendered()).catch(() => { });
        }
    });
}

export function afterServerStarted() {
    window.__circuitReady = true;
}
