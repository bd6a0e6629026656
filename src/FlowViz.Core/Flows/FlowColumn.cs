namespace FlowViz.Core.Flows;

/// <summary>
/// One column of the flows table: its SQL name and type and the <see cref="FlowRecord"/> field it holds.
/// </summary>
/// <param name="Name">Column name in SQL (snake_case); also the name the HTTP API uses.</param>
/// <param name="SqlType">PostgreSQL type as written in <c>db-migrations/</c>.</param>
/// <param name="Field">The record field it is copied from.</param>
/// <param name="Description">What the column means, for documentation and the API.</param>
public sealed record FlowColumn(string Name, string SqlType, FlowField Field, string Description);
