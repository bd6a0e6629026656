namespace FlowViz.Collector.Tests.Spooling;

/// <summary>A fresh directory under /tmp, deleted with its contents on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("fv-spool-test-").FullName;

    public string[] Files(string pattern = "*") => [.. Directory.GetFiles(Path, pattern).Select(System.IO.Path.GetFileName).Order()!];

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
