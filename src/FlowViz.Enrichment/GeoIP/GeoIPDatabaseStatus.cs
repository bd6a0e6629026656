namespace FlowViz.Enrichment.GeoIP;

/// <summary>One GeoIP database as the metrics show it.</summary>
/// <param name="Database">"country" or "asn".</param>
/// <param name="IsLoaded">True while a file is loaded (false when not configured, missing or unreadable from the start).</param>
/// <param name="BuildDate">The loaded file's build date (UTC); null when none is loaded.</param>
/// <param name="Loads">Files loaded since start, the first one included.</param>
/// <param name="LoadFailures">Files that appeared or changed but could not be read.</param>
/// <param name="LookupErrors">Lookups that failed in a damaged file, answered "unknown".</param>
public sealed record GeoIPDatabaseStatus(string Database, bool IsLoaded, DateTime? BuildDate, long Loads, long LoadFailures, long LookupErrors)
{
    internal static GeoIPDatabaseStatus Of(string database, MmdbDatabase file) =>
        new(database, file.IsLoaded, file.BuildDate, file.Loads, file.LoadFailures, file.LookupErrors);
}
