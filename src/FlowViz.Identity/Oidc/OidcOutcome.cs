using FlowViz.Identity.Data;

namespace FlowViz.Identity.Oidc;

/// <summary>The FlowViz user an SSO login signs in as, or why it is refused (exactly one is set).</summary>
public sealed record OidcOutcome(FlowVizUser? User, string? Refusal);
