using System.Runtime.InteropServices;

namespace FlowViz.Collector.Spooling;

/// <summary>
/// fsync(2) of a directory. A file's own fsync makes its contents durable, but POSIX leaves its name (the directory
/// entry) to the directory's fsync: without this, a power loss just after a segment was created could lose the whole
/// segment although each of its frames was fsync'ed. .NET has no API for it (it refuses to open a directory as a file).
/// </summary>
internal static partial class DirectorySync
{
    public static void Flush(string directory)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS() && !OperatingSystem.IsFreeBSD())
        {
            return; // elsewhere creating a file makes its name durable, or there is no way to ask
        }
        var fd = Open(directory, 0); // O_RDONLY: enough to fsync a directory, and the same value on every Unix
        if (fd < 0)
        {
            throw new IOException($"Cannot open '{directory}' to flush it (errno {Marshal.GetLastPInvokeError()}).");
        }
        try
        {
            if (Fsync(fd) != 0)
            {
                throw new IOException($"fsync of '{directory}' failed (errno {Marshal.GetLastPInvokeError()}).");
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static extern int Fsync(int fd);

    [DllImport("libc", EntryPoint = "close")]
    private static extern int Close(int fd);
}
