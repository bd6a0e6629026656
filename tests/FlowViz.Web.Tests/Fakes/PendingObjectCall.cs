using Microsoft.JSInterop;

namespace FlowViz.Web.Tests.Fakes;

/// <summary>
/// Holds a JS call that returns an object reference (a chart's <c>create</c>) open until the test completes it.
/// bUnit's <c>Setup</c> refuses such results and its module handlers answer at once; added with
/// <c>AddInvocationHandler</c> after those, this handler is the newest match and wins.
/// </summary>
public sealed class PendingObjectCall(string identifier)
    : JSRuntimeInvocationHandler<IJSObjectReference>(invocation => invocation.Identifier == identifier, isCatchAllHandler: false);
