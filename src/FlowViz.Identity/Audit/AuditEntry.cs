namespace FlowViz.Identity.Audit;

/// <summary>One line of the audit log: who (<see cref="Actor"/>, a user name, or null when unknown) did what, from where.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    public string? Actor { get; set; }

    public required string Action { get; set; }

    public string? Detail { get; set; }

    public string? RemoteAddress { get; set; }
}
