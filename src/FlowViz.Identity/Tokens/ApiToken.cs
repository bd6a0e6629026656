namespace FlowViz.Identity.Tokens;

/// <summary>
/// A named API token of a user. Only the SHA-256 of the secret is stored (the secret is 256 random bits,
/// so a plain hash is enough: there is nothing to brute-force); <see cref="Prefix"/> is its first characters,
/// for people to tell tokens apart.
/// </summary>
public sealed class ApiToken
{
    public long Id { get; set; }

    public required string UserId { get; set; }

    public required string Name { get; set; }

    public required string Prefix { get; set; }

    public required byte[] Hash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }

    public bool IsUsableAt(DateTimeOffset now) => RevokedAt is null && now < ExpiresAt;
}
