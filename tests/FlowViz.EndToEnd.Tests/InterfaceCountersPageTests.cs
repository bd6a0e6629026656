using System.Globalization;
using FlowViz.Web.Components.Formatting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Npgsql;

namespace FlowViz.EndToEnd.Tests;

/// <summary>
/// sFlow counter samples through the real UDP collector into the Interfaces page: the utilisation shown equals the
/// one computed here from the octets sent and the times they were stored, with the reset pair left out. Runs on the
/// settings tests' FlowViz (counters add no flow, so their figures do not move), as the rows of an agent of its own.
/// </summary>
[Collection(SettingsAppCollection.Name)]
public sealed class InterfaceCountersPageTests(SettingsApp fixture)
{
    // Running totals an agent would report: a burst, then a restart (counters start again near 0), then more.
    private static readonly (ulong In, ulong Out)[] Polls =
    [
        (5_000_000_000, 9_000_000_000),
        (5_002_000_000, 9_000_500_000),
        (1_000, 2_000),
        (1_001_000, 252_000),
    ];

    [Fact]
    public async Task Interfaces_CounterSamples_UtilisationFromTheCountersSent()
    {
        var ct = TestContext.Current.CancellationToken;
        for (var i = 0; i < Polls.Length; i++)
        {
            await fixture.App.SendAsync([CounterTraffic.Poll((uint)i + 1, Polls[i].In, Polls[i].Out)]);
            await Task.Delay(TimeSpan.FromMilliseconds(700), ct); // each poll received, and stamped, on its own
        }
        var received = await ReceivedAsync(ct);
        var (expectedIn, expectedOut) = Expected(received);

        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await browser.NewPageAsync();
        var now = DateTimeOffset.UtcNow;
        var range = $"from={now.AddHours(-1).UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}&to={now.AddHours(1).UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}";
        await page.GotoAsync(new Uri(fixture.App.BaseAddress, $"/interfaces?{range}").ToString());
        await Browser.WaitForCircuitAsync(page);
        var row = page.Locator($"[data-testid=interface-row][data-key='{CounterTraffic.Agent}/{CounterTraffic.IfIndex}']");

        await Assertions.Expect(row.GetByTestId("rate-source")).ToHaveTextAsync("counters");
        await Assertions.Expect(row.GetByTestId("in-utilization")).ToHaveTextAsync(Percent(expectedIn));
        await Assertions.Expect(row.GetByTestId("out-utilization")).ToHaveTextAsync(Percent(expectedOut));
        Assert.Equal(expectedIn, Exact(await row.GetByTestId("in-utilization").GetAttributeAsync("data-utilization")), 9);
        Assert.Equal(expectedOut, Exact(await row.GetByTestId("out-utilization").GetAttributeAsync("data-utilization")), 9);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.Screenshot("interfaces-counters.png"), FullPage = true });

        await row.GetByTestId("interface-link").ClickAsync();
        await Assertions.Expect(page.GetByTestId("if-counters")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#if-counters")).ToContainTextAsync("bit/s");
        await Assertions.Expect(page.GetByTestId("if-counters").Locator(".apexcharts-svg")).ToBeVisibleAsync();
        // No speed is configured for the agent's interface: the page takes the counters' ifSpeed, and says so.
        await Assertions.Expect(page.GetByTestId("if-speed")).ToHaveTextAsync($"{TrafficUnits.BitRate(CounterTraffic.SpeedBps)} (sFlow ifSpeed)");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.Screenshot("interface-counters.png"), FullPage = true });
        Assert.Empty(errors);
    }

    /// <summary>Usable pairs of consecutive polls (no counter went down): octets × 8 over their seconds, ÷ ifSpeed.</summary>
    private static (double In, double Out) Expected(IReadOnlyList<DateTime> received)
    {
        double inBits = 0, outBits = 0, seconds = 0;
        for (var i = 1; i < Polls.Length; i++)
        {
            if (Polls[i].In < Polls[i - 1].In || Polls[i].Out < Polls[i - 1].Out)
            {
                continue; // the restart
            }
            inBits += (Polls[i].In - Polls[i - 1].In) * 8.0;
            outBits += (Polls[i].Out - Polls[i - 1].Out) * 8.0;
            seconds += (received[i] - received[i - 1]).TotalSeconds;
        }
        return (inBits / seconds / CounterTraffic.SpeedBps, outBits / seconds / CounterTraffic.SpeedBps);
    }

    /// <summary>When the collector stamped each poll, in the order sent (it stamps on receipt; the batch is written later).</summary>
    private async Task<IReadOnlyList<DateTime>> ReceivedAsync(CancellationToken ct)
    {
        var dataSource = fixture.App.Services.GetRequiredService<NpgsqlDataSource>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using var command = dataSource.CreateCommand(
                "SELECT time_received FROM interface_counters WHERE exporter = $1 AND if_index = $2 ORDER BY time_received");
            command.Parameters.Add(new NpgsqlParameter { Value = CounterTraffic.Agent, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Inet });
            command.Parameters.Add(new NpgsqlParameter { Value = (long)CounterTraffic.IfIndex });
            var times = new List<DateTime>();
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    times.Add(reader.GetDateTime(0));
                }
            }
            if (times.Count >= Polls.Length)
            {
                Assert.Equal(Polls.Length, times.Count);
                return times;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{times.Count} of {Polls.Length} counter polls stored after 30 s");
            }
            await Task.Delay(100, ct);
        }
    }

    private static double Exact(string? text) => double.Parse(text!, CultureInfo.InvariantCulture);

    private static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
