using Npgsql;

namespace FlowViz.Storage.Settings;

/// <summary>What differs between the versioned settings lists: their tables, row columns and how rows compare.</summary>
internal abstract class SettingsRowKind<TRow>
{
    /// <summary>What the rows are, for messages ("local networks").</summary>
    public abstract string What { get; }

    /// <summary>The table of versions (version, source, saved_by, comment, created_at).</summary>
    public abstract string SetTable { get; }

    /// <summary>The table of rows (set_version, position, …).</summary>
    public abstract string RowTable { get; }

    /// <summary>The row columns as read, in the order <see cref="Read"/> expects.</summary>
    public abstract string SelectColumns { get; }

    public abstract TRow Read(NpgsqlDataReader row, int first);

    /// <summary>An INSERT of every row of <paramref name="rows"/> under <paramref name="version"/>, positions from 0.</summary>
    public abstract NpgsqlCommand Insert(long version, IReadOnlyList<TRow> rows);

    /// <summary>True when two rows mean the same (so a re-seed from unchanged configuration writes nothing).</summary>
    public abstract bool Same(TRow stored, TRow configured);
}
