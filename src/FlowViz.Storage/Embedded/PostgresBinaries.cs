using System.Diagnostics;
using System.Globalization;

namespace FlowViz.Storage.Embedded;

/// <summary>
/// Finds a directory holding the PostgreSQL server programs: first PATH, then <c>pg_config --bindir</c>,
/// then Debian's <c>/usr/lib/postgresql/&lt;version&gt;/bin</c> (highest version). Debian puts only client
/// wrappers on PATH, which is why the last place matters.
/// </summary>
public static class PostgresBinaries
{
    private static readonly string[] ServerPrograms = ["initdb", "pg_ctl", "postgres"];

    public static string Locate()
    {
        var searched = new List<string>();
        foreach (var directory in Candidates())
        {
            searched.Add(directory);
            if (HasServerPrograms(directory))
            {
                return directory;
            }
        }
        throw new PostgresNotFoundException(PostgresNotFoundException.Explain(searched.Distinct()));
    }

    public static bool HasServerPrograms(string directory) =>
        ServerPrograms.All(program => File.Exists(Path.Combine(directory, program)));

    private static IEnumerable<string> Candidates()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            yield return directory;
        }
        if (PgConfigBinDir() is { } fromPgConfig)
        {
            yield return fromPgConfig;
        }
        foreach (var debian in DebianVersions("/usr/lib/postgresql"))
        {
            yield return debian;
        }
    }

    private static IEnumerable<string> DebianVersions(string root) =>
        !Directory.Exists(root)
            ? []
            : Directory.EnumerateDirectories(root)
                .Select(directory => (Directory: directory, Version: ParseVersion(Path.GetFileName(directory))))
                .Where(entry => entry.Version is not null)
                .OrderByDescending(entry => entry.Version)
                .Select(entry => Path.Combine(entry.Directory, "bin"));

    private static Version? ParseVersion(string name) =>
        int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var major) ? new Version(major, 0)
        : Version.TryParse(name, out var version) ? version
        : null;

    private static string? PgConfigBinDir()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pg_config", "--bindir")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null)
            {
                return null;
            }
            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 && output.Length > 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // pg_config is not installed (it comes with libpq-dev or the server package)
        }
    }
}
