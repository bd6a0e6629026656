using FlowViz.Core.Queries;

namespace FlowViz.Core.Tests.Queries;

public sealed class DimensionLabelsTests
{
    [Theory]
    [InlineData(FlowDimension.Protocol, "6", "TCP")]
    [InlineData(FlowDimension.OriginAs, "64496", "AS64496")]
    [InlineData(FlowDimension.SrcAs, "0", "AS0")]
    [InlineData(FlowDimension.Direction, "1", "in")]
    [InlineData(FlowDimension.Direction, "4", "transit")]
    [InlineData(FlowDimension.InputInterface, "198.51.100.1/3", "198.51.100.1 if 3")]
    [InlineData(FlowDimension.OutputInterface, "2001:db8::1/4294967295", "2001:db8::1 if 4294967295")]
    [InlineData(FlowDimension.Application, "https", "https")]
    public void LabelOf_Key_ReadsForPeople(FlowDimension dimension, string key, string label)
    {
        Assert.Equal(label, DimensionLabels.LabelOf(dimension, key));
    }

    [Theory]
    [InlineData("198.51.100.1/3", true, "198.51.100.1", 3)]
    [InlineData("2001:db8::1/10", true, "2001:db8::1", 10)]
    [InlineData("198.51.100.1", false, "", 0)]
    [InlineData("/3", false, "", 0)]
    [InlineData("198.51.100.1/4294967296", false, "198.51.100.1", 4294967296)]
    public void TryParseInterfaceKey_Text_SplitsAtTheLastSlash(string key, bool ok, string exporter, long ifIndex)
    {
        Assert.Equal(ok, DimensionLabels.TryParseInterfaceKey(key, out var parsedExporter, out var parsedIndex));
        if (ok)
        {
            Assert.Equal((exporter, ifIndex), (parsedExporter, parsedIndex));
        }
    }

    [Fact]
    public void Names_EveryDimension_HasAnApiName()
    {
        foreach (var dimension in Enum.GetValues<FlowDimension>())
        {
            Assert.True(FlowDimensionNames.TryParse(FlowDimensionNames.NameOf(dimension), out var parsed));
            Assert.Equal(dimension, parsed);
        }
    }
}
