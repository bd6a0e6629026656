// A module script of App.razor: draws the charts of the prerendered HTML as soon as the document is parsed, before
// Blazor's circuit is up (flowviz-chart.js, drawPrerendered). Deferred like every module script, so the containers
// are in the document; it imports the same module instance as StackedTrafficChart (the import map maps both).
// window.flowvizFirstChart: settles once the page's first chart is painted; flowviz-start.js starts Blazor then.
import { drawPrerendered } from './flowviz-chart.js';

window.flowvizFirstChart = drawPrerendered();
