namespace FlowViz.Identity.Tokens;

/// <summary>A token as the tokens page lists it, with its owner's user name (admins see everyone's).</summary>
public sealed record TokenListing(ApiToken Token, string Owner);
