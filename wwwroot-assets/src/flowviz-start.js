// Loads Blazor's script (App.razor: this classic deferred script carries its address in data-blazor, and the head
// preloads it). On a page whose prerendered HTML carries charts, only after the first of them is painted
// (window.flowvizFirstChart, left by flowviz-chart-prerendered.js, a module that runs before this deferred script):
// blazor.web.js's evaluation and start — its DOMContentLoaded work, the circuit's negotiate and first render — would
// otherwise hold the one main thread while apexcharts waits to draw. Without such a chart, or when that module did not
// run, at once; and never more than 3 s late, whatever happens to the chart. Blazor starts itself when its script runs.
(function () {
    const source = document.currentScript.dataset.blazor;
    let loaded = false;

    function load() {
        if (!loaded) {
            loaded = true;
            const script = document.createElement('script');
            script.src = source;
            document.body.appendChild(script);
        }
    }

    const firstChart = window.flowvizFirstChart;
    if (firstChart) {
        firstChart.then(load, load);
        setTimeout(load, 3000);
    } else {
        load();
    }
})();
