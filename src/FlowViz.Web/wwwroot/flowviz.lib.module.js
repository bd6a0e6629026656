// Blazor JS initializer: the file name must be <AssemblyName>.lib.module.js, i.e. flowviz.lib.module.js.
// End-to-end tests wait for window.__circuitReady before they interact with interactive components.

export function afterWebStarted(blazor) {
    window.__blazorStarted = true;
    // Enhanced navigation replaces <html>'s attributes with the server's: put the chosen theme back.
    blazor.addEventListener?.('enhancedload', () => window.flowvizApplyTheme?.());
}

export function afterServerStarted() {
    window.__circuitReady = true;
}
