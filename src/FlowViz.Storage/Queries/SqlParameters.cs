using System.Globalization;
using FlowViz.Core.Filtering;
using FlowViz.Storage.Filtering;
using Npgsql;

namespace FlowViz.Storage.Queries;

/// <summary>The positional parameters of one statement being built: each value added gives its placeholder.</summary>
internal sealed class SqlParameters
{
    private readonly List<NpgsqlParameter> _parameters = [];

    public string Add(object value)
    {
        _parameters.Add(new NpgsqlParameter { Value = value is DateTimeOffset time ? time.UtcDateTime : value });
        return Placeholder(_parameters.Count);
    }

    /// <summary>The filter's SQL with its placeholders numbered after the parameters added so far.</summary>
    public string Add(FilterSqlCompiler compiler, FilterExpression filter)
    {
        var compiled = compiler.Compile(filter, _parameters.Count + 1);
        _parameters.AddRange(compiled.Parameters);
        return compiled.Sql;
    }

    public void AddTo(NpgsqlCommand command)
    {
        foreach (var parameter in _parameters)
        {
            command.Parameters.Add(parameter);
        }
    }

    private static string Placeholder(int number) => "$" + number.ToString(CultureInfo.InvariantCulture);
}
