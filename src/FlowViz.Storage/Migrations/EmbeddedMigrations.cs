using System.Reflection;

namespace FlowViz.Storage.Migrations;

/// <summary>The <c>db-migrations/*.sql</c> files embedded in this assembly (see the .csproj), in version order.</summary>
public static class EmbeddedMigrations
{
    private const string Prefix = "FlowViz.Storage.db-migrations.";

    public static IReadOnlyList<Migration> Load()
    {
        var assembly = typeof(EmbeddedMigrations).Assembly;
        var migrations = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(Prefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name => Migration.FromFileName(name[Prefix.Length..], Read(assembly, name)))
            .OrderBy(migration => migration.Version, StringComparer.Ordinal)
            .ToList();
        var duplicate = migrations.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two migrations share version {duplicate.Key}: {string.Join(", ", duplicate.Select(m => m.Name))}.");
        }
        return migrations;
    }

    private static string Read(Assembly assembly, string resourceName)
    {
        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Embedded migration '{resourceName}' is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
