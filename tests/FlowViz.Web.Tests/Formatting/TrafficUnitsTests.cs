using FlowViz.Web.Components.Formatting;

namespace FlowViz.Web.Tests.Formatting;

public class TrafficUnitsTests
{
    [Theory]
    [InlineData(0, "0 bit/s")]
    [InlineData(0.5, "0.50 bit/s")]
    [InlineData(999, "999 bit/s")]
    [InlineData(1_000, "1.00 kbit/s")]
    [InlineData(1_500, "1.50 kbit/s")]
    [InlineData(1_500_000, "1.50 Mbit/s")]
    [InlineData(12_345_678, "12.3 Mbit/s")]
    [InlineData(123_456_789, "123 Mbit/s")]
    [InlineData(2_500_000_000, "2.50 Gbit/s")]
    [InlineData(-1_500_000, "-1.50 Mbit/s")]
    public void BitRate_Value_UsesDecimalPrefixes(double bitsPerSecond, string expected) =>
        Assert.Equal(expected, TrafficUnits.BitRate(bitsPerSecond));

    [Theory]
    [InlineData(999, "999 B")]
    [InlineData(10_000, "10.0 kB")]
    [InlineData(1_234_567, "1.23 MB")]
    [InlineData(123_456_789_012, "123 GB")]
    [InlineData(5_000_000_000_000, "5.00 TB")]
    public void ByteCount_Value_UsesThousandsLikeNfdump(long bytes, string expected) =>
        Assert.Equal(expected, TrafficUnits.ByteCount(bytes));

    [Theory]
    [InlineData(0, "0")]
    [InlineData(999, "999")]
    [InlineData(12_345, "12.3k")]
    [InlineData(67_890, "67.9k")]
    [InlineData(4_560_000, "4.56M")]
    public void Count_Value_IsCompact(long count, string expected) =>
        Assert.Equal(expected, TrafficUnits.Count(count));

    [Theory]
    [InlineData(1_200, TrafficUnits.PacketsPerSecond, "1.20k packets/s")]
    [InlineData(3, TrafficUnits.FlowsPerSecond, "3 flows/s")]
    [InlineData(2_500_000, TrafficUnits.FlowsPerSecond, "2.50M flows/s")]
    [InlineData(-45_000, TrafficUnits.PacketsPerSecond, "-45.0k packets/s")]
    public void Rate_CountUnits_UseKAndM(double perSecond, string unit, string expected) =>
        Assert.Equal(expected, TrafficUnits.Rate(perSecond, unit));

    [Fact]
    public void Exact_LargeValue_HasInvariantSeparators() =>
        Assert.Equal("1,234,567", TrafficUnits.Exact(1_234_567));

    [Theory]
    [InlineData(6_000, 10_000, "60.0%")]
    [InlineData(1, 3, "33.3%")]
    [InlineData(0, 0, "0.0%")]
    public void Share_PartOfTotal_OneDecimal(long part, long total, string expected) =>
        Assert.Equal(expected, TrafficUnits.Share(part, total));

    [Fact]
    public void ScaleOf_Bits_StartsAtBitsAndStepsByThousand()
    {
        var scale = TrafficUnits.ScaleOf(TrafficUnits.BitsPerSecond);

        Assert.Equal(new UnitStep(1, " bit/s"), scale[0]);
        Assert.Equal(new UnitStep(1_000_000, " Mbit/s"), scale[2]);
    }
}
