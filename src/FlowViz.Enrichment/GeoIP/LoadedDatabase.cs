using MaxMind.Db;

namespace FlowViz.Enrichment.GeoIP;

/// <summary>One version of a database file: its reader and the answers cached from it (dropped with it on reload).</summary>
internal sealed class LoadedDatabase(Reader reader, FileStamp stamp)
{
    public Reader Reader { get; } = reader;

    public FileStamp Stamp { get; } = stamp;

    public PrefixCache Cache { get; } = new();

    /// <summary>An IPv4-only database cannot answer for IPv6 addresses (the reader would throw).</summary>
    public bool HasIPv6 { get; } = reader.Metadata.IPVersion == 6;

    /// <summary>Set once the first lookup error of this file has been logged.</summary>
    public int LookupErrorLogged;
}
