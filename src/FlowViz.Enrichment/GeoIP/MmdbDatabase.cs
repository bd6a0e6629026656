using System.Net;
using FlowViz.Core.Flows;
using FlowViz.Enrichment.Networks;
using MaxMind.Db;
using Microsoft.Extensions.Logging;

namespace FlowViz.Enrichment.GeoIP;

/// <summary>
/// One configured MaxMind DB file: answers lookups through a <see cref="PrefixCache"/> and, when
/// <see cref="Refresh"/> sees the file changed, loads the new file and swaps it in with one reference write, so
/// lookups never wait and never see half a database. The file is read into memory rather than mapped, so a file
/// overwritten in place (not renamed over) cannot change under a lookup.
/// </summary>
internal abstract partial class MmdbDatabase : IDisposable
{
    private readonly string _setting;
    private readonly string? _path;
    private readonly ILogger _logger;
    private readonly Lock _refreshing = new();
    private volatile LoadedDatabase? _loaded;
    private LoadedDatabase? _retired;
    private FileStamp? _failed;
    private bool _missingReported;
    private long _lookupErrors;
    private long _loads;
    private long _loadFailures;

    protected MmdbDatabase(string setting, string? path, ILogger logger)
    {
        _setting = setting;
        _path = string.IsNullOrWhiteSpace(path) ? null : path;
        _logger = logger;
        if (_path is null)
        {
            LogNotConfigured(_setting);
        }
        Refresh();
    }

    /// <summary>True while a database file is loaded.</summary>
    public bool IsLoaded => _loaded is not null;

    /// <summary>Lookups the reader failed (a damaged file); each is answered "unknown".</summary>
    public long LookupErrors => Interlocked.Read(ref _lookupErrors);

    /// <summary>Files loaded since start (the first load included): a reload adds one.</summary>
    public long Loads => Interlocked.Read(ref _loads);

    /// <summary>Files that appeared or changed but could not be read as a MaxMind DB (the loaded copy stayed).</summary>
    public long LoadFailures => Interlocked.Read(ref _loadFailures);

    /// <summary>When the loaded file was built (its metadata's build_epoch); null when none is loaded.</summary>
    public DateTime? BuildDate => _loaded?.Reader.Metadata.BuildDate;

    /// <summary>The value for the address (0 when unknown), from the cache when its network was seen before.</summary>
    public uint Lookup(in FlowAddress address)
    {
        var loaded = _loaded;
        if (loaded is null || address.IsNone)
        {
            return 0;
        }
        var key = AddressKey.Of(address);
        var isIPv4 = address.IsIPv4;
        return loaded.Cache.TryGet(key, isIPv4, out var value) ? value : Miss(loaded, address, key, isIPv4);
    }

    /// <summary>Loads the file when it appeared or changed since the last call; logs what happened once per change.</summary>
    public void Refresh()
    {
        if (_path is null)
        {
            return;
        }
        lock (_refreshing)
        {
            var file = new FileInfo(_path);
            if (!file.Exists)
            {
                if (!_missingReported)
                {
                    _missingReported = true;
                    LogMissing(_setting, _path, _loaded is not null);
                }
                return;
            }
            _missingReported = false;
            var stamp = FileStamp.Of(file);
            if (_loaded?.Stamp == stamp || _failed == stamp)
            {
                return;
            }
            Load(stamp);
        }
    }

    /// <summary>Reads the value out of the database; <paramref name="prefixLength"/> is the length of the network that answered.</summary>
    protected abstract uint Read(Reader reader, IPAddress address, out int prefixLength);

    private void Load(FileStamp stamp)
    {
        Reader reader;
        try
        {
            reader = new Reader(_path!, FileAccessMode.Memory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDatabaseException or ArgumentException)
        {
            _failed = stamp; // tried again when the file changes (a copy still being written will)
            Interlocked.Increment(ref _loadFailures);
            LogLoadFailed(e, _setting, _path!, _loaded is not null);
            return;
        }
        _failed = null;
        var previous = _loaded;
        _loaded = new LoadedDatabase(reader, stamp);
        Interlocked.Increment(ref _loads);
        // The reader replaced one reload ago is closed now: no lookup can still be using it after a whole interval.
        _retired?.Reader.Dispose();
        _retired = previous;
        LogLoaded(_setting, _path!, reader.Metadata.DatabaseType, reader.Metadata.BuildDate, previous is not null);
    }

    private uint Miss(LoadedDatabase loaded, in FlowAddress address, UInt128 key, bool isIPv4)
    {
        if (!isIPv4 && !loaded.HasIPv6)
        {
            return 0;
        }
        try
        {
            var value = Read(loaded.Reader, address.ToIPAddress(), out var prefixLength);
            // The reader counts an IPv4 answer's prefix within the IPv4 tree; the cache works in the mapped space.
            loaded.Cache.Add(key, isIPv4, AddressKey.MappedLength(address, prefixLength), value);
            return value;
        }
        catch (Exception e) when (e is InvalidDatabaseException or DeserializationException or ArgumentException or InvalidCastException)
        {
            Interlocked.Increment(ref _lookupErrors);
            if (Interlocked.Exchange(ref loaded.LookupErrorLogged, 1) == 0)
            {
                LogLookupFailed(e, _setting, _path!);
            }
            return 0;
        }
    }

    public void Dispose()
    {
        _loaded?.Reader.Dispose();
        _retired?.Reader.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "GeoIP: {Setting} is not set; that lookup is off")]
    private partial void LogNotConfigured(string setting);

    [LoggerMessage(Level = LogLevel.Warning, Message = "GeoIP: {Setting} file {Path} does not exist; lookup off until it appears (still using the loaded copy: {KeepsLoaded})")]
    private partial void LogMissing(string setting, string path, bool keepsLoaded);

    [LoggerMessage(Level = LogLevel.Information, Message = "GeoIP: {Setting} loaded {Path} ({DatabaseType}, built {BuildDate:u}); replaced an earlier copy: {Reloaded}")]
    private partial void LogLoaded(string setting, string path, string databaseType, DateTime buildDate, bool reloaded);

    [LoggerMessage(Level = LogLevel.Error, Message = "GeoIP: {Setting} file {Path} cannot be read as a MaxMind DB; still using the loaded copy: {KeepsLoaded}")]
    private partial void LogLoadFailed(Exception exception, string setting, string path, bool keepsLoaded);

    [LoggerMessage(Level = LogLevel.Error, Message = "GeoIP: a lookup in {Setting} file {Path} failed (the file may be damaged); such lookups answer unknown and are counted")]
    private partial void LogLookupFailed(Exception exception, string setting, string path);
}
