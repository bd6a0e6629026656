using Npgsql;

namespace FlowViz.Storage.Filtering;

/// <summary>
/// A filter as SQL: a boolean fragment whose every value is a positional parameter (<c>$n</c>), and those
/// parameters in order. The fragment holds only whitelisted column expressions, operators and placeholders.
/// </summary>
public sealed record CompiledFilter(string Sql, IReadOnlyList<NpgsqlParameter> Parameters)
{
    /// <summary>Appends the parameters to a command whose own parameters come first.</summary>
    public void AddTo(NpgsqlCommand command)
    {
        foreach (var parameter in Parameters)
        {
            command.Parameters.Add(parameter);
        }
    }
}
