using FlowViz.Core.Counters;
using FlowViz.Core.Flows;
using FlowViz.Storage.Counters;
using FlowViz.Storage.Tests.Infrastructure;

namespace FlowViz.Storage.Tests.Counters;

public sealed class InterfaceCounterWriterTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WriteAsync_CountersAtTheirLimits_ReadBackEqual()
    {
        var received = new DateTime(2026, 11, 23, 8, 0, 0, DateTimeKind.Utc);
        InterfaceCounterRecord[] counters =
        [
            new()
            {
                TimeReceived = received,
                Exporter = FlowAddress.Parse("2001:db8::1"),
                ObservationDomainId = uint.MaxValue,
                IfIndex = 7,
                IfType = 6,
                IfSpeed = 400_000_000_000,
                IfDirection = 1,
                IfStatus = 3,
                InOctets = ulong.MaxValue,
                InUcastPackets = uint.MaxValue,
                OutOctets = 12_345,
                OutErrors = 2,
            },
            new() { TimeReceived = received.AddSeconds(20), Exporter = FlowAddress.Parse("192.0.2.9"), IfIndex = 8 },
        ];

        await new InterfaceCounterWriter(database.DataSource).WriteAsync(counters, Cancellation);

        await using var command = database.DataSource.CreateCommand(
            "SELECT host(exporter), observation_domain_id, if_index, if_speed::text, in_octets::text, in_unicast_packets, out_octets::text, out_errors, if_status, time_received " +
            "FROM interface_counters ORDER BY time_received");
        await using var reader = await command.ExecuteReaderAsync(Cancellation);
        Assert.True(await reader.ReadAsync(Cancellation));
        Assert.Equal(("2001:db8::1", (long)uint.MaxValue, 7L, "400000000000", ulong.MaxValue.ToString(), (long)uint.MaxValue, "12345", 2L, (short)3),
            (reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetString(3), reader.GetString(4), reader.GetInt64(5),
             reader.GetString(6), reader.GetInt64(7), reader.GetInt16(8)));
        Assert.Equal(received, reader.GetDateTime(9));
        Assert.True(await reader.ReadAsync(Cancellation));
        Assert.Equal("192.0.2.9", reader.GetString(0));
        Assert.False(await reader.ReadAsync(Cancellation));
    }
}
