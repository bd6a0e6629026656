namespace FlowViz.Core.Queries;

/// <summary>How each series of a <see cref="SeriesQuery"/> is divided.</summary>
public enum SeriesSplit
{
    /// <summary>One series per key.</summary>
    None,

    /// <summary>
    /// Per key, one series per traffic direction: "out", "in", and "other" (internal, transit and undecided
    /// traffic, present only when not zero). All rates stay positive; a chart mirrors "in" below the axis.
    /// </summary>
    Direction,
}
