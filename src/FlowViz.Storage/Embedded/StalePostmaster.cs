using System.Globalization;

namespace FlowViz.Storage.Embedded;

/// <summary>
/// What a killed run leaves behind: <c>postmaster.pid</c> and the socket lock file. PostgreSQL refuses to start
/// while they name a live process, and after a reboot that PID may belong to something else; so the PID is
/// trusted only if that process is a postgres.
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
        return int.TryParse(firstLine, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && IsPostgres(pid);
    }

    public static void RemoveLeftovers(string dataDirectory, string socketDirectory)
    {
        File.Delete(Path.Combine(dataDirectory, "postmaster.pid"));
        foreach (var leftover in System.IO.Directory.EnumerateFiles(socketDirectory, ".s.PGSQL.*"))
        {
            File.Delete(leftover);
        }
    }

    private static bool IsPostgres(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/comm").Trim() == "postgres";
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
