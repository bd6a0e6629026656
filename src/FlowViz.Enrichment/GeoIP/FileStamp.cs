namespace FlowViz.Enrichment.GeoIP;

/// <summary>What says a database file changed: its modification time and length.</summary>
internal readonly record struct FileStamp(DateTime LastWriteUtc, long Length)
{
    public static FileStamp Of(FileInfo file) => new(file.LastWriteTimeUtc, file.Length);
}
