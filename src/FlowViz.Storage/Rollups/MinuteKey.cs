using FlowViz.Core.Flows;

namespace FlowViz.Storage.Rollups;

/// <summary>
/// One row of a 1-minute cube: the minute (whole minutes since the Unix epoch), the traffic direction and the cube's
/// columns in generic slots — at most one address (exporter or local host; <see cref="FlowAddress.None"/> is NULL), one
/// text (application; null is NULL) and four numbers (protocol, interfaces, ASes, packed countries with 0 for NULL), in
/// the cube's column order. Equal keys are equal rows for PostgreSQL too: addresses compare by value, as inet does.
/// </summary>
internal readonly record struct MinuteKey(long Minute, byte Direction, FlowAddress Address, string? Text, long N0, long N1, long N2, long N3)
{
    public long Number(int slot) => slot switch
    {
        0 => N0,
        1 => N1,
        2 => N2,
        _ => N3,
    };
}
