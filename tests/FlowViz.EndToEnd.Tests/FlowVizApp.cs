using System.Net;
using System.Net.Sockets;
using FlowViz.Collector;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FlowViz.EndToEnd.Tests;

/// <summary>
/// FlowViz as a user runs it with nothing configured: the real host on Kestrel (loopback, free port), its
/// embedded PostgreSQL created in a fresh data directory, and its UDP collector on a free port.
/// </summary>
public sealed class FlowVizApp : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _factory;

    private FlowVizApp(WebApplicationFactory<Program> factory, string dataDirectory)
    {
        _factory = factory;
        DataDirectory = dataDirectory;
        BaseAddress = new Uri(_factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        CollectorPort = _factory.Services.GetRequiredService<CollectorEndpoints>().Bound[0].Port;
        Http = new HttpClient { BaseAddress = BaseAddress };
    }

    public Uri BaseAddress { get; }

    public int CollectorPort { get; }

    public string DataDirectory { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => _factory.Services;

    /// <param name="settings">Configuration on top of the fixture's; the auth tests turn anonymous read off with it.</param>
    public static FlowVizApp Start(IReadOnlyDictionary<string, string>? settings = null)
    {
        // Short: the embedded server's Unix socket path must fit in 107 bytes.
        var dataDirectory = Directory.CreateTempSubdirectory("fv-e2e-").FullName;
        // Created 0700; as root, FlowViz runs its PostgreSQL as the postgres user, which must be able to enter it.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(dataDirectory, (UnixFileMode)0b111_101_101);
        }
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("FlowViz:DataDirectory", dataDirectory);
            web.UseSetting("Collector:Listen:0", "[::]:0");
            web.UseSetting("Collector:BatchMaxAge", "00:00:00.200");
            web.UseSetting("Auth:AnonymousRead", "true"); // these tests are about traffic, not logins (see AuthTests)
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                web.UseSetting(key, value);
            }
        });
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        return new FlowVizApp(factory, dataDirectory);
    }

    public async Task SendAsync(IEnumerable<byte[]> datagrams)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        var collector = new IPEndPoint(IPAddress.Loopback, CollectorPort);
        foreach (var datagram in datagrams)
        {
            await socket.SendToAsync(datagram, SocketFlags.None, collector);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _factory.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A server process that is still exiting may hold a file for a moment; the OS cleans /tmp.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
