using System.Buffers.Binary;
using System.Reflection;
using FlowViz.Collector.Spooling;
using FlowViz.Core.Flows;

namespace FlowViz.Collector.Tests.Spooling;

public sealed class FlowRecordLayoutTests
{
    private static readonly FieldInfo[] Fields = typeof(FlowRecord).GetFields(BindingFlags.Public | BindingFlags.Instance);

    [Fact]
    public void WriteRead_EveryFieldSet_RoundTripsEqual()
    {
        var buffer = new byte[FlowRecordLayout.RecordSize];

        FlowRecordLayout.Write(SpoolFlows.EveryField, buffer);

        Assert.Equal(SpoolFlows.EveryField, FlowRecordLayout.Read(buffer));
        Assert.Equal(DateTimeKind.Utc, FlowRecordLayout.Read(buffer).TimeStart.Kind);
    }

    [Fact]
    public void EveryField_SetsEachFieldOfFlowRecord_SoTheRoundTripCoversThemAll()
    {
        // A field added to FlowRecord is not set here, fails this test, and reminds whoever adds it to extend the layout
        // (and its Version: old segments must not be read with the new layout).
        object sample = SpoolFlows.EveryField;
        object empty = default(FlowRecord);
        Assert.All(Fields, field => Assert.NotEqual(field.GetValue(empty), field.GetValue(sample)));
        Assert.Equal(33, Fields.Length);
    }

    [Fact]
    public void RecordSize_IsTheSumOfTheFieldSizes()
    {
        static int SizeOf(Type type) => type == typeof(DateTime) ? 8
            : type == typeof(FlowAddress) ? 16
            : type == typeof(string) ? 1 + FlowRecord.MaxApplicationBytes
            : type.IsEnum ? SizeOf(Enum.GetUnderlyingType(type))
            : System.Runtime.InteropServices.Marshal.SizeOf(type);

        Assert.Equal(FlowRecordLayout.RecordSize, Fields.Sum(field => SizeOf(field.FieldType)));
    }

    [Fact]
    public void Write_FixedLittleEndianLayout_FirstAndLastFieldsAtTheirOffsets()
    {
        var buffer = new byte[FlowRecordLayout.RecordSize];

        FlowRecordLayout.Write(SpoolFlows.EveryField, buffer);

        Assert.Equal(SpoolFlows.Received.Ticks, BinaryPrimitives.ReadInt64LittleEndian(buffer));
        Assert.Equal((byte)TrafficDirection.Transit, buffer[^1]);
        Assert.Equal((byte)FlowProtocol.Ipfix, buffer[44]); // after 3 times, the exporter and the observation domain
    }
}
