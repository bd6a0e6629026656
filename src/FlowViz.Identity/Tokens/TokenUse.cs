namespace FlowViz.Identity.Tokens;

/// <summary>A successful check of a token, and when it was used before (null: never), for rate-limited auditing.</summary>
public sealed record TokenUse(ApiToken Token, DateTimeOffset? PreviousUse);
