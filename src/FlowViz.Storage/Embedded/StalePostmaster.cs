using System.Globalization;

namespace FlowViz.Storage.Embedded;

/// <summary>
/// What a killed run leaves behind: <c>postmaster.pid</c> and the socket lock file. PostgreSQL refuses to start
/// while they name a live process, and after a reboot that PID may belong to something else; so the PID is
/// trusted only if that process is a postgres started on this data directory.
/// </summary>
internal static class StalePostmaster
{
    public static bool IsServerRunning(string dataDirectory)
    {
        var pidFile = Path.Combine(dataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile))
        {
            return false;
        }
        var firstLine = File.ReadLines(pidFile).FirstOrDefault();
        return int.TryParse(firstLine, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && IsPostmasterOf(pid, dataDirectory);
    }

    public static void RemoveLeftovers(string dataDirectory, string socketDirectory)
    {
        File.Delete(Path.Combine(dataDirectory, "postmaster.pid"));
        foreach (var leftover in System.IO.Directory.EnumerateFiles(socketDirectory, ".s.PGSQL.*"))
        {
            File.Delete(leftover);
        }
    }

    private static bool IsPostmasterOf(int pid, string dataDirectory)
    {
        try
        {
            // pg_ctl starts "postgres -D <data directory>"; the arguments are NUL-separated in cmdline.
            var arguments = File.ReadAllText($"/proc/{pid}/cmdline").Split('\0');
            return arguments.Length > 0 && Path.GetFileName(arguments[0]) == "postgres" && arguments.Contains(dataDirectory);
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
