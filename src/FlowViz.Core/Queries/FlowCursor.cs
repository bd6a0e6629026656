namespace FlowViz.Core.Queries;

/// <summary>
/// Where the previous page of a flow list ended: the last row's sort value (UTC ticks for a time column),
/// its time received and a hash of the whole row (the tie-breakers), and how many rows with exactly that key
/// were already returned (identical rows share a key). Rows are ordered by (sort column, time received, row
/// hash), so the next page starts strictly after this key and never skips or repeats a row that was stored
/// before paging began; rows stored while paging appear only if they sort after the cursor.
/// </summary>
public sealed record FlowCursor(long SortValue, DateTime TimeReceived, long RowHash, int SameKeyRows);
