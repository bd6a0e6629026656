using System.ComponentModel.DataAnnotations;

namespace FlowViz.Collector;

/// <summary>Settings of the embedded collector (configuration section <c>Collector</c>).</summary>
public sealed class CollectorOptions
{
    public const string SectionName = "Collector";

    /// <summary>
    /// The listeners used when none is configured: NetFlow's 2055 and 9995, IPFIX's 4739 (IANA) and sFlow's
    /// 6343 (IANA), all dual-stack. Any of them takes any protocol: the version is read from each datagram.
    /// </summary>
    public static IReadOnlyList<string> DefaultListen { get; } = ["[::]:2055", "[::]:9995", "[::]:4739", "[::]:6343"];

    /// <summary>
    /// UDP endpoints to listen on; <see cref="DefaultListen"/> when empty (configuring any replaces them all). "[::]:2055" is dual-stack (IPv4 and
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

    /// <summary>
    /// Parallel COPY writers, each on its own database connection. The database, not the encoding, bounds
    /// the rate of one COPY stream; more streams help while the database has cores to spare.
    /// </summary>
    [Range(1, 32)]
    public int Writers { get; set; } = 2;

    /// <summary>Full batches waiting for the database before decoders stop taking datagrams.</summary>
    [Range(1, 10_000)]
    public int WriteQueueCapacity { get; set; } = 64;

    /// <summary>
    /// Where batches the database cannot take are spooled (append-only segment files; see Spooling/README.md).
    /// Required; the web host defaults it to &lt;data directory&gt;/spool. Keep it on a local disk: every batch is fsync'ed.
    /// </summary>
    public string? SpoolDirectory { get; set; }

    /// <summary>
    /// Where the datagrams that carried templates and sampler options are kept, so a restarted collector
    /// decodes v9/IPFIX data at once instead of waiting for exporters to resend templates. Empty: not kept.
    /// The web host defaults it to <c>&lt;data directory&gt;/templates.journal</c>.
    /// </summary>
    public string? TemplateJournalFile { get; set; }

    /// <summary>How often the template journal is saved and expired templates are purged.</summary>
    public TimeSpan TemplateMaintenanceInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Bound of the spool on disk. When full, new batches are dropped and counted as spool_full: the only loss left.</summary>
    [Range(typeof(long), "1048576", "9223372036854775807")]
    public long SpoolMaxBytes { get; set; } = 4L * 1024 * 1024 * 1024;

    /// <summary>A segment file is closed and a new one started at about this size; a segment is deleted once replayed.</summary>
    [Range(typeof(long), "65536", "1073741824")]
    public long SpoolSegmentBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>
    /// A database write taking longer is cancelled (the COPY rolls back) and its batch spooled: a database that is
    /// slow is treated like one that is away, so the queues before the writers do not fill and drop datagrams.
    /// </summary>
    public TimeSpan WriteTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// At shutdown the database gets this long to take what is in memory; then the rest is spooled. Short, because a
    /// stop that takes too long ends in SIGKILL (docker stop waits 10 s) and then memory is lost, not spooled.
    /// </summary>
    public TimeSpan ShutdownWriteTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Receivers that get a byte-identical copy of every datagram received ("192.0.2.7:2055", "[2001:db8::7]:2055",
    /// "backup:2055"), like nfacctd's tee. Empty (the default): no replication. Copies are sent from FlowViz's own
    /// address, so receivers see FlowViz as the exporter (see Replication/README.md).
    /// </summary>
    public List<string> Replicate { get; set; } = [];

    /// <summary>
    /// Send copies with the original exporter's source address (pmacct's tee_transparent). Not supported: it needs
    /// raw sockets and CAP_NET_RAW; true fails start-up rather than silently sending from FlowViz's address.
    /// </summary>
    public bool ReplicatePreserveExporterAddress { get; set; }

    /// <summary>Copies queued per receiver before new ones are dropped (and counted) for that receiver only.</summary>
    [Range(16, 1_000_000)]
    public int ReplicateQueueCapacity { get; set; } = 8_192;
}
