using System.Net;
using FlowViz.Core.Interfaces;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace FlowViz.Storage.Interfaces;

/// <summary>
/// Recomputes the contract table interface_classes (0004) from the rule set in force and every known interface,
/// inside the caller's transaction, so queries (which LEFT JOIN it) see the old classes or the new ones, never a mix.
/// Everything that changes rules or interfaces takes <see cref="LockAsync"/> first, so two recomputations never interleave.
/// </summary>
public sealed class InterfaceClassesRebuilder(ILogger<InterfaceClassesRebuilder> logger)
{
    /// <summary>Serialises changes to rules, interfaces and classes (a transaction-level advisory lock).</summary>
    public static async Task LockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtext('flowviz_interface_classes'))", connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Replaces every row of interface_classes; returns how many interfaces got a class.</summary>
    public async Task<int> RebuildAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var rules = await InterfaceRuleSets.ReadAsync(connection, transaction, version: null, cancellationToken);
        // Rules were checked when saved; a set that no longer compiles (a future stricter check) classifies nothing rather than failing forever.
        var classifier = Compile(rules);
        var interfaces = await KnownInterfaces.ReadAsync(connection, transaction, cancellationToken);
        var (exporters, indexes, connectivity, provider, boundary) = (new List<IPAddress>(), new List<long>(), new List<string?>(), new List<string?>(), new List<string?>());
        var timeouts = 0;
        foreach (var known in interfaces)
        {
            var match = classifier.Classify(known.Exporter, known.IfIndex, known.Name, known.Description);
            timeouts += match.Error is null ? 0 : 1;
            if (match.Class is { } c && (c.Connectivity ?? c.Provider ?? c.Boundary) is not null)
            {
                exporters.Add(known.Exporter);
                indexes.Add(known.IfIndex);
                connectivity.Add(c.Connectivity);
                provider.Add(c.Provider);
                boundary.Add(c.Boundary);
            }
        }
        await using (var delete = new NpgsqlCommand("DELETE FROM interface_classes", connection, transaction))
        {
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }
        await using (var insert = new NpgsqlCommand(
            "INSERT INTO interface_classes (if_exporter, if_index, connectivity, provider, boundary) " +
            "SELECT * FROM unnest($1::inet[], $2::bigint[], $3::text[], $4::text[], $5::text[])", connection, transaction))
        {
            insert.Parameters.Add(new() { Value = exporters.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Inet });
            insert.Parameters.Add(new() { Value = indexes.ToArray() });
            insert.Parameters.Add(new() { Value = connectivity.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            insert.Parameters.Add(new() { Value = provider.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            insert.Parameters.Add(new() { Value = boundary.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        if (timeouts > 0)
        {
            logger.LogWarning("Interface rules version {Version}: an expression timed out on {Count} interfaces; they were left to later rules", rules?.Version, timeouts);
        }
        logger.LogInformation("Interface classes recomputed: {Classified} of {Known} interfaces classified by rules version {Version}",
            exporters.Count, interfaces.Count, rules?.Version);
        return exporters.Count;
    }

    private InterfaceClassifier Compile(InterfaceRuleSet? rules)
    {
        if (rules is null)
        {
            return InterfaceClassifier.Empty;
        }
        try
        {
            return InterfaceClassifier.Compile(rules.Rules);
        }
        catch (InterfaceRulesException exception)
        {
            logger.LogError("Interface rules version {Version} cannot be used ({Errors}); every interface is left unclassified until rules are saved again",
                rules.Version, exception.Message);
            return InterfaceClassifier.Empty;
        }
    }
}
