using Bunit.TestDoubles;
using FlowViz.Web.Components;
using FlowViz.Web.Components.Charts;
using FlowViz.Web.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace FlowViz.Web.Tests;

/// <summary>bUnit context with the UI's services, a fake clock at <see cref="Sample.Now"/> and both JS modules set up.</summary>
public abstract class WebTestContext : BunitContext
{
    protected WebTestContext()
    {
        // Before anything reads the service provider (bUnit refuses registrations after that); anonymous by default.
        Authorization = AddAuthorization();
        PageState = AddBunitPersistentComponentState();
        Services.AddFlowVizUi();
        Services.AddSingleton<TimeProvider>(Clock);
        Services.AddSingleton<ITrafficQueries>(Queries);
        Services.AddSingleton<FlowViz.Web.Exporters.IExporterReports>(Exporters);
        Services.AddSingleton<IFlowRecordQueries>(FlowRecords);
        Services.AddSingleton<FlowViz.Core.Interfaces.IInterfaceCatalog>(InterfaceCatalog);
        Services.AddSingleton<IAnswerCompleteness>(Completeness);
        Services.AddSingleton<FlowViz.Core.Counters.IInterfaceCounterQueries>(Counters);
        Services.AddSingleton(EnrichmentRules);
        Services.AddSingleton<FlowViz.Identity.Scoping.IViewerScopeSource>(_ => new FlowViz.Identity.Scoping.FixedViewerScope(ViewerScope));
        ChartModule = JSInterop.SetupModule(StackedTrafficChart.ModulePath);
        ChartModule.SetupModule(invocation => invocation.Identifier == "create");
        ChartModule.SetupVoid("update", _ => true).SetVoidResult();
        ChartModule.SetupVoid("destroy", _ => true).SetVoidResult();
        BrowserModule = JSInterop.SetupModule("./lib/flowviz-browser.js");
        BrowserModule.Setup<string>("timeZone").SetResult("Europe/Berlin");
        // Pages mark their head interactive (RendererInfo) for the end-to-end tests to wait on.
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
    }

    protected BunitAuthorizationContext Authorization { get; }

    /// <summary>Blazor's persistent component state: what a prerender would have carried into the interactive render.</summary>
    protected BunitPersistentComponentState PageState { get; }

    protected FakeTimeProvider Clock { get; } = new(Sample.Now);

    protected FakeTrafficQueries Queries { get; } = new();

    protected FakeExporterReports Exporters { get; } = new();

    protected FakeFlowRecordQueries FlowRecords { get; } = new();

    protected FakeInterfaceCatalog InterfaceCatalog { get; } = new();

    protected FakeAnswerCompleteness Completeness { get; } = new();

    protected FakeInterfaceCounterQueries Counters { get; } = new();

    /// <summary>The local networks and application rules in force: the defaults unless a test swaps them.</summary>
    protected FlowViz.Enrichment.LiveEnrichmentRules EnrichmentRules { get; } =
        new(FlowViz.Enrichment.EnrichmentConfiguration.Build(new FlowViz.Enrichment.EnrichmentOptions()));

    /// <summary>What the viewer may see (everything unless a test narrows it before the first render).</summary>
    protected FlowViz.Identity.Scoping.ViewerScope ViewerScope { get; set; } = FlowViz.Identity.Scoping.ViewerScope.Everything;

    /// <summary>The circuit's connection to its browser (connected until a test says it was lost).</summary>
    protected FlowViz.Web.Components.Live.CircuitConnection Connection => Services.GetRequiredService<FlowViz.Web.Components.Live.CircuitConnection>();

    protected BunitJSModuleInterop ChartModule { get; }

    protected BunitJSModuleInterop BrowserModule { get; }
}
