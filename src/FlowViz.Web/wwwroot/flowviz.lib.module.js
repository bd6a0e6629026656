// Blazor JS initializer: the file name must be <AssemblyName>.lib.module.js, i.e. flowviz.lib.module.js.
// End-to-end tests wait for window.__circuitReady before they interact with interactive components.

export function afterWebStarted() {
    window.__blazorStarted = true;
}

export function afterServerStarted() {
    window.__circuitReady = true;
}
