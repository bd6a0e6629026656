namespace FlowViz.EndToEnd.Tests;

/// <summary>Where the tests leave what a person may want to look at: artifacts/ at the repository root.</summary>
public static class Artifacts
{
    public static string Screenshot(string name)
    {
        var directory = Path.Combine(RepositoryRoot(), "artifacts", "screenshots");
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, name);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "FlowViz.sln")))
            {
                return directory.FullName;
            }
        }
        return Path.GetTempPath();
    }
}
