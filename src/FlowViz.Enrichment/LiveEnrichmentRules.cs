namespace FlowViz.Enrichment;

/// <summary>
/// The local networks and application rules in force, as one immutable <see cref="EnrichmentConfiguration"/> that a
/// save replaces whole. The enricher reads <see cref="Current"/> once per flow, so every flow is enriched by one
/// version or the next, never by networks of one and applications of another; the collector keeps running.
/// </summary>
public sealed class LiveEnrichmentRules(EnrichmentConfiguration initial)
{
    private EnrichmentConfiguration _current = initial;

    /// <summary>How many times the rules were replaced since start.</summary>
    public int Swaps => Volatile.Read(ref _swaps);

    private int _swaps;

    public EnrichmentConfiguration Current => Volatile.Read(ref _current);

    /// <summary>Puts <paramref name="next"/> in force for every flow enriched from now on.</summary>
    public void Swap(EnrichmentConfiguration next)
    {
        ArgumentNullException.ThrowIfNull(next);
        Volatile.Write(ref _current, next);
        Interlocked.Increment(ref _swaps);
    }
}
