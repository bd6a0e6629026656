using FlowViz.Identity;
using Microsoft.Extensions.Options;

namespace FlowViz.Web.Accounts;

/// <summary>
/// The first start: with no account at all, creates <c>admin</c>. Its password is FLOWVIZ_ADMIN_PASSWORD when
/// set (automation), else random, printed once to the console and written to <c>admin-password</c> in the
/// data directory, readable by its owner only (0600).
/// </summary>
internal static partial class AdminBootstrap
{
    public const string PasswordVariable = "FLOWVIZ_ADMIN_PASSWORD";
    public const string PasswordFileName = "admin-password";

    public static async Task RunAsync(IServiceProvider services, string dataDirectory, CancellationToken cancellationToken)
    {
        if (!services.GetRequiredService<IOptions<AuthOptions>>().Value.CreateAdmin)
        {
            return;
        }
        await using var scope = services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
        var (created, generated) = await accounts.EnsureAdminAsync(Environment.GetEnvironmentVariable(PasswordVariable), cancellationToken);
        if (!created)
        {
            return;
        }
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AdminBootstrap));
        if (generated is null)
        {
            LogCreatedFromVariable(logger, PasswordVariable);
            return;
        }
        var file = Path.Combine(dataDirectory, PasswordFileName);
        WriteOwnerOnly(file, generated + Environment.NewLine);
        // On the console, not in the log: log files are often collected and kept.
        Console.WriteLine($"FlowViz created the account 'admin' with the password: {generated}");
        Console.WriteLine($"It is also in {file} (readable by you only). Log in and change it; this is the only time it is shown.");
    }

    private static void WriteOwnerOnly(string file, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using (var stream = new FileStream(file, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(text);
        }
        if (!OperatingSystem.IsWindows())
        {
            // UnixCreateMode applies only to a new file; an old one keeps its mode unless set again.
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the account 'admin' with the password from {Variable}")]
    private static partial void LogCreatedFromVariable(ILogger logger, string variable);
}
