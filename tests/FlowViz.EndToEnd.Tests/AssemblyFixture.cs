[assembly: AssemblyFixture(typeof(FlowViz.EndToEnd.Tests.AppWithKnownTraffic))]
