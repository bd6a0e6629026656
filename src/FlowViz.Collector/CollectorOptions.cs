using System.ComponentModel.DataAnnotations;

namespace FlowViz.Collector;

/// <summary>Settings of the embedded collector (configuration section <c>Collector</c>).</summary>
public sealed class CollectorOptions
{
    public const string SectionName = "Collector";

    /// <summary>The listener used when none is configured.</summary>
    public const string DefaultListen = "[::]:2055";

    /// <summary>
    /// UDP endpoints to listen on; <see cref="DefaultListen"/> when empty. "[::]:2055" is dual-stack (IPv4 and
    /// IPv6 on one socket); port 0 picks a free port (the tests use it). The version is read from each
    /// datagram, whatever the port. (Empty by default rather than pre-filled: configuration binding appends
    /// to a pre-filled list, which would bind the default port twice.)
    /// </summary>
    public List<string> Listen { get; set; } = [];

    /// <summary>Kernel receive buffer asked for each socket. Bursts beyond it are lost in the kernel, uncounted.</summary>
    [Range(64 * 1024, int.MaxValue)]
    public int ReceiveBufferBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>Datagrams queued between a listener and the decoders before new ones are dropped (and counted).</summary>
    [Range(16, 1_000_000)]
    public int DatagramQueueCapacity { get; set; } = 16_384;

    /// <summary>Parallel decoders; one exporter's datagrams always go to the same one, so templates precede data.</summary>
    [Range(1, 64)]
    public int DecodeWorkers { get; set; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>Flows per database batch.</summary>
    [Range(1, 1_000_000)]
    public int BatchSize { get; set; } = 20_000;

    /// <summary>A partial batch is written after this long, so quiet exporters still show up promptly.</summary>
    public TimeSpan BatchMaxAge { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Full batches waiting for the database before decoders stop taking datagrams.</summary>
    [Range(1, 10_000)]
    public int WriteQueueCapacity { get; set; } = 64;
}
