using System.Buffers.Binary;
using FlowViz.Core.Flows;
using FlowViz.Protocols;

namespace FlowViz.Collector.Templates;

/// <summary>
/// Keeps the datagrams that taught the decoder something — NetFlow v9 / IPFIX templates, withdrawals,
/// sampler and clock options — so that a restarted collector can learn them again at once instead of
/// dropping data until exporters resend their templates (often every 10–30 minutes). Replaying the very
/// datagrams through the same decoder avoids a second, separate template format. At most
/// <see cref="PerExporter"/> datagrams are kept per exporter, newest last; replay order keeps later
/// definitions winning.
/// </summary>
public sealed class TemplateJournal
{
    /// <summary>Enough for exporters that send each template in its own datagram, and for several domains.</summary>
    public const int PerExporter = 64;

    private static ReadOnlySpan<byte> Magic => "FVTPLJ01"u8;

    private readonly Lock _lock = new();
    private readonly Dictionary<FlowAddress, Queue<JournalEntry>> _byExporter = [];
    private bool _dirty;

    /// <summary>Records a datagram that changed the decoder's templates or options.</summary>
    public void Record(FlowAddress exporter, ReadOnlySpan<byte> datagram, DateTime receivedUtc)
    {
        var entry = new JournalEntry(exporter, receivedUtc, datagram.ToArray());
        lock (_lock)
        {
            if (!_byExporter.TryGetValue(exporter, out var entries))
            {
                _byExporter[exporter] = entries = new Queue<JournalEntry>();
            }
            entries.Enqueue(entry);
            while (entries.Count > PerExporter)
            {
                entries.Dequeue();
            }
            _dirty = true;
        }
    }

    /// <summary>Teaches <paramref name="decoder"/> what the journal holds, skipping what would have expired anyway.</summary>
    /// <returns>How many datagrams were replayed.</returns>
    public int Replay(FlowDatagramDecoder decoder, DateTime nowUtc, TimeSpan maxAge)
    {
        List<JournalEntry> entries;
        lock (_lock)
        {
            entries = [.. _byExporter.Values.SelectMany(e => e).OrderBy(e => e.ReceivedUtc)];
        }
        var replayed = 0;
        var discard = new DiscardingSink();
        foreach (var entry in entries.Where(e => nowUtc - e.ReceivedUtc <= maxAge))
        {
            decoder.Decode(entry.Datagram, new DatagramContext(entry.Exporter, entry.ReceivedUtc), discard);
            replayed++;
        }
        return replayed;
    }

    /// <summary>Writes the journal to <paramref name="path"/> atomically (temporary file, then rename); no-op when unchanged.</summary>
    public void Save(string path)
    {
        List<JournalEntry> entries;
        lock (_lock)
        {
            if (!_dirty)
            {
                return;
            }
            entries = [.. _byExporter.Values.SelectMany(e => e)];
            _dirty = false;
        }
        var temporary = path + ".tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            file.Write(Magic);
            Span<byte> header = stackalloc byte[16 + 8 + 4];
            foreach (var entry in entries)
            {
                entry.Exporter.WriteIPv6(header);
                BinaryPrimitives.WriteInt64LittleEndian(header[16..], entry.ReceivedUtc.Ticks);
                BinaryPrimitives.WriteInt32LittleEndian(header[24..], entry.Datagram.Length);
                file.Write(header);
                file.Write(entry.Datagram);
            }
            file.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Reads a journal written by <see cref="Save"/>; a missing, foreign or truncated file yields what could be read.</summary>
    public static TemplateJournal Load(string path)
    {
        var journal = new TemplateJournal();
        if (!File.Exists(path))
        {
            return journal;
        }
        var bytes = File.ReadAllBytes(path).AsSpan();
        if (!bytes.StartsWith(Magic))
        {
            return journal;
        }
        bytes = bytes[Magic.Length..];
        while (bytes.Length >= 28)
        {
            var exporter = FlowAddress.FromIPv6(bytes);
            var ticks = BinaryPrimitives.ReadInt64LittleEndian(bytes[16..]);
            var length = BinaryPrimitives.ReadInt32LittleEndian(bytes[24..]);
            if (length is < 0 or > 65_535 || bytes.Length < 28 + length || ticks < 0 || ticks > DateTime.MaxValue.Ticks)
            {
                break; // torn or foreign tail: keep what came before
            }
            journal.Record(exporter, bytes.Slice(28, length), new DateTime(ticks, DateTimeKind.Utc));
            bytes = bytes[(28 + length)..];
        }
        return journal;
    }

    private sealed record JournalEntry(FlowAddress Exporter, DateTime ReceivedUtc, byte[] Datagram);

    private sealed class DiscardingSink : IFlowRecordSink
    {
        // The flows of a replayed datagram were stored when it first arrived.
        public void Add(in FlowRecord flow)
        {
        }
    }
}
