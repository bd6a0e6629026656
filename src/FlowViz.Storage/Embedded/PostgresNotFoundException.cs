namespace FlowViz.Storage.Embedded;

/// <summary>No PostgreSQL server binaries were found for the embedded database; the message says what to do.</summary>
public sealed class PostgresNotFoundException : Exception
{
    public PostgresNotFoundException()
        : this(Explain([]))
    {
    }

    public PostgresNotFoundException(string message)
        : base(message)
    {
    }

    public PostgresNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal static string Explain(IEnumerable<string> searched) =>
        "FlowViz found no PostgreSQL server (initdb, pg_ctl and postgres) to run its own database. " +
        "Install one (Debian/Ubuntu: apt-get install postgresql), or point FlowViz at an existing server " +
        "with the connection string setting ConnectionStrings:FlowViz (environment variable ConnectionStrings__FlowViz). " +
        $"Searched: {string.Join(", ", searched.DefaultIfEmpty("PATH, pg_config --bindir, /usr/lib/postgresql/*/bin"))}.";
}
