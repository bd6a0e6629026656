using System.Security.Cryptography;
using System.Text;

namespace FlowViz.Storage.Migrations;

/// <summary>One SQL file of <c>db-migrations/</c>: <c>0001_flows.sql</c> is version "0001", name "flows".</summary>
public sealed record Migration(string Version, string Name, string Sql)
{
    /// <summary>SHA-256 of the script, recorded so an edited, already-applied file can be noticed.</summary>
    public string Checksum { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql)));

    public static Migration FromFileName(string fileName, string sql)
    {
        var stem = Path.GetFileNameWithoutExtension(fileName);
        var separator = stem.IndexOf('_', StringComparison.Ordinal);
        if (separator <= 0 || !stem[..separator].All(char.IsAsciiDigit))
        {
            throw new InvalidOperationException(
                $"Migration '{fileName}' must be named NNNN_description.sql so its version orders it.");
        }
        return new Migration(stem[..separator], stem[(separator + 1)..], sql);
    }
}
