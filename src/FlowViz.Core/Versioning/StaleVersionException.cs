namespace FlowViz.Core.Versioning;

/// <summary>
/// A save named the version it edited, and another save came first: optimistic concurrency refused it, nothing
/// was written. <see cref="CurrentVersion"/> is the version in force (null when there is none).
/// </summary>
public sealed class StaleVersionException(string what, long? editedVersion, long? currentVersion)
    : Exception($"The {what} were saved by someone else since version {editedVersion?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(none)"} was read; " +
        $"version {currentVersion?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(none)"} is in force now. Reload and apply the change again.")
{
    /// <summary>The version the save said it edited.</summary>
    public long? EditedVersion { get; } = editedVersion;

    /// <summary>The version in force when the save was refused.</summary>
    public long? CurrentVersion { get; } = currentVersion;
}
