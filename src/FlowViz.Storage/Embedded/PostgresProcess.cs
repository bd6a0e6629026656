using System.Diagnostics;

namespace FlowViz.Storage.Embedded;

/// <summary>
/// Runs a PostgreSQL program to completion. initdb and postgres refuse to run as root, so as root the
/// program runs as the <c>postgres</c> user through runuser (util-linux).
/// </summary>
internal static class PostgresProcess
{
    public const string ServerUser = "postgres";

    public static bool RunsAsServerUser => Environment.IsPrivilegedProcess;

    public static async Task<string> RunAsync(string program, IReadOnlyList<string> arguments, string workingDirectory, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo
        {
            FileName = RunsAsServerUser ? "runuser" : program,
            WorkingDirectory = workingDirectory, // the server user must be able to enter it
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (RunsAsServerUser)
        {
            foreach (var argument in (string[])["-u", ServerUser, "--", program])
            {
                info.ArgumentList.Add(argument);
            }
        }
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var text = (await output + await error).Trim();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{Path.GetFileName(program)} {string.Join(' ', arguments)} failed with exit code {process.ExitCode}: {text}");
        }
        return text;
    }

    /// <summary>Hands the directory tree to the server user when FlowViz runs as root.</summary>
    public static Task ChownAsync(string directory, CancellationToken cancellationToken)
    {
        if (!RunsAsServerUser)
        {
            return Task.CompletedTask;
        }
        return RunAsRootAsync("chown", ["-R", $"{ServerUser}:{ServerUser}", directory], cancellationToken);
    }

    private static async Task RunAsRootAsync(string program, string[] arguments, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(program, arguments) { RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {program}.");
        var error = await process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed: {error.Trim()}");
        }
    }
}
