using System.Net.Http.Json;
using System.Text.Json;
using FlowViz.Core.Flows;
using FlowViz.Protocols.NetFlow5;

namespace FlowViz.EndToEnd.Tests;

/// <summary>
/// FlowViz of its own for the settings tests (they change application rules and send traffic, which the shared
/// <see cref="AppWithKnownTraffic"/> must not see), and NetFlow v5 datagrams of known flows to one TCP port.
/// </summary>
public sealed class SettingsApp : IAsyncLifetime
{
    private FlowVizApp? _app;
    private uint _sequence;

    public FlowVizApp App => _app ?? throw new InvalidOperationException("not started");

    public ValueTask InitializeAsync()
    {
        _app = FlowVizApp.Start();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    /// <summary>Sends <paramref name="flows"/> TCP flows from 198.51.100.7 to 192.0.2.80:<paramref name="port"/> in one datagram.</summary>
    public async Task SendFlowsToPortAsync(ushort port, int flows)
    {
        var now = DateTime.UtcNow;
        var records = Enumerable.Range(0, flows).Select(i => new FlowRecord
        {
            SrcAddr = FlowAddress.Parse("198.51.100.7"),
            DstAddr = FlowAddress.Parse("192.0.2.80"),
            SrcPort = (ushort)(50_000 + i),
            DstPort = port,
            Protocol = 6,
            Bytes = 1_000,
            Packets = 2,
            TimeStart = now.AddSeconds(-5),
            TimeEnd = now.AddSeconds(-1),
            SamplingRate = 1,
        }).ToArray();
        var buffer = new byte[2048];
        var length = new NetFlowV5Encoder(0, 0).Encode(buffer, records, now, sysUptimeMs: 3_600_000, includeTemplates: false, out var written);
        Assert.Equal(flows, written);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(buffer.AsSpan(16), _sequence);
        _sequence += (uint)flows;
        await App.SendAsync([buffer[..length]]);
    }

    /// <summary>Flows stored in the last hour that match <paramref name="filter"/> (the filter language), through the API.</summary>
    public async Task<long> FlowsAsync(string filter)
    {
        var now = DateTimeOffset.UtcNow;
        var query = $"from={now.AddHours(-1).UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}&to={now.AddMinutes(5).UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}&filter={Uri.EscapeDataString(filter)}";
        var summary = await App.Http.GetFromJsonAsync<JsonElement>($"/api/v1/summary?{query}", TestContext.Current.CancellationToken);
        return summary.GetProperty("flows").GetInt64();
    }

    /// <summary>Waits until <paramref name="filter"/> matches <paramref name="expected"/> flows (the collector batches for 200 ms).</summary>
    public async Task WaitForFlowsAsync(string filter, long expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        long stored;
        while ((stored = await FlowsAsync(filter)) < expected)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{stored} of {expected} flows matching '{filter}' stored after 30 s");
            }
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}
