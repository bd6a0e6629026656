using FlowViz.Storage.Rollups;
using FlowViz.Storage.Tests.Infrastructure;
using static FlowViz.Storage.Tests.Rollups.RollupFlows;

namespace FlowViz.Storage.Tests.Rollups;

/// <summary>Every cube at every resolution holds exactly the sums of the flow records, worked out in C#.</summary>
public sealed class RollupContentTests(RollupTrafficFixture traffic) : IClassFixture<RollupTrafficFixture>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> CubesAndResolutions()
    {
        var data = new TheoryData<string, string>();
        foreach (var cube in RollupCubes.All)
        {
            foreach (var resolution in RollupResolution.All)
            {
                data.Add(cube.Name, resolution.Name);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(CubesAndResolutions))]
    public async Task RunOnceAsync_KnownFlows_CubeEqualsSumsOfTheRecords(string cubeName, string resolutionName)
    {
        var cube = RollupCubes.All.Single(c => c.Name == cubeName);
        var resolution = RollupResolution.All.Single(r => r.Name == resolutionName);

        var actual = await ExpectedRollups.ActualAsync(traffic.DataSource, cube, resolution, Cancellation);

        // Three hours hold no whole 6-hour bucket, day or week: those cubes must stay empty (RollupDayTests and
        // RollupWeekTests fill them).
        var expected = ExpectedRollups.Expected(cube, resolution, traffic.Flows, T0, resolution.Floor(T0.AddHours(3)));
        Assert.True(
            resolution.Width > TimeSpan.FromHours(3) ? expected.Count == 0 : expected.Count > (resolution == RollupResolution.Hour ? 10 : 100),
            $"{expected.Count} expected rows");
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task RunOnceAsync_ClosedHours_EveryResolutionCoversThem()
    {
        await using var connection = await traffic.DataSource.OpenConnectionAsync(Cancellation);

        var coverage = await RollupCoverage.ReadAsync(connection, Cancellation);

        foreach (var resolution in RollupResolution.All)
        {
            if (resolution.IsAligned(T0))
            {
                Assert.Equal(new TimeInterval(T0, resolution.Floor(T0.AddHours(3))), coverage.Of(resolution));
            }
            else
            {
                // Weeks start on Thursdays, T0 is a Monday: none is complete yet, nor can one start before the next Thursday.
                Assert.True(coverage.Of(resolution).IsEmpty, $"{resolution.Name} covers {coverage.Of(resolution)}");
            }
        }
    }

    [Fact]
    public async Task RunOnceAsync_AgainWithoutNewFlows_ChangesNothing()
    {
        var before = await AllRowsAsync();

        var computed = await RollupTrafficFixture.Builder(traffic.DataSource, Now.AddSeconds(30)).RunOnceAsync(Cancellation);

        Assert.Equal(0, computed);
        Assert.Equal(before, await AllRowsAsync());
    }

    private async Task<List<string>> AllRowsAsync()
    {
        var rows = new List<string>();
        foreach (var cube in RollupCubes.All)
        {
            foreach (var resolution in RollupResolution.All)
            {
                rows.AddRange(await ExpectedRollups.ActualAsync(traffic.DataSource, cube, resolution, Cancellation));
            }
        }
        return rows;
    }
}
