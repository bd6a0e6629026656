using CsCheck;
using FlowViz.Core.Flows;
using F = FlowViz.Protocols.Tests.Ipfix.IpfixMessageBuilder.Field;

namespace FlowViz.Protocols.Tests.Ipfix;

/// <summary>
/// Random templates built from the IEs FlowViz reads (every time form, counters, reverse and enterprise
/// IEs, variable-length fields, reduced sizes), followed by random data records: whatever the bytes,
/// decoding never throws and never emits a time outside 1990..2100 or a count beyond a bigint.
/// </summary>
public class IpfixPropertyTests
{
    private static readonly F[] Palette =
    [
        new(1, 8), new(1, 4), new(1, 3), new(2, 8), new(2, 1), new(85, 8), new(86, 8), new(1, 8, 29305), new(2, 4, 29305),
        new(6, 2, 29305), new(150, 4), new(151, 4), new(152, 8), new(153, 6), new(154, 8), new(155, 8), new(156, 8),
        new(157, 8), new(158, 4), new(159, 4), new(22, 4), new(21, 4), new(160, 8), new(8, 4), new(12, 4), new(27, 16),
        new(28, 16), new(7, 2), new(11, 2), new(4, 1), new(32, 2), new(34, 4), new(302, 2), new(305, 4), new(306, 4),
        new(309, 4), new(310, 4), new(82, 65535), new(100, 65535, 9), new(200, 4, 9), new(6, 2), new(61, 1), new(243, 2),
        new(56, 6), new(70, 3), new(10, 4), new(14, 4),
    ];

    private static readonly Gen<byte[]> TemplateAndData =
        from fields in Gen.Int[0, Palette.Length - 1].Array[1, 12]
        from data in Gen.Byte.Array[0, 600]
        from options in Gen.Bool
        select Message(fields.Select(i => Palette[i]).ToArray(), data, options);

    private static byte[] Message(F[] fields, byte[] data, bool options)
    {
        var builder = new IpfixMessageBuilder(exportTime: 1_700_000_000);
        builder = options ? builder.OptionsTemplate(300, 1, fields) : builder.Template(300, fields);
        return builder.Data(300, data).Template(301, fields).Data(301, data).Build();
    }

    [Fact]
    public void Decode_RandomTemplatesAndRecords_NeverThrowNorEmitImpossibleValues() =>
        TemplateAndData.Sample(message =>
        {
            var sink = new RecordingSink();
            var result = new FlowDatagramDecoder(TimeProvider.System).Decode(message, Fixture.Context, sink);

            Assert.Equal(sink.Flows.Count, result.FlowCount);
            Assert.All(sink.Flows, f =>
            {
                Assert.InRange(f.TimeStart, new DateTime(1990, 1, 1), new DateTime(2100, 1, 1));
                Assert.InRange(f.TimeEnd, new DateTime(1990, 1, 1), new DateTime(2100, 1, 1));
                Assert.InRange((long)f.Bytes, 0, long.MaxValue);
                Assert.InRange((long)f.Packets, 0, long.MaxValue);
                Assert.True(f.SamplingRate >= 1 && f.FlowProtocol == FlowProtocol.Ipfix);
            });
        }, iter: 3_000);
}
