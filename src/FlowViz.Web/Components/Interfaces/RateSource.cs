namespace FlowViz.Web.Components.Interfaces;

/// <summary>Where an interface row's rates (and so its utilisation) come from.</summary>
public enum RateSource
{
    /// <summary>The bytes of the flows through it over the range: what sampled flows saw, without the traffic they missed.</summary>
    Flows,

    /// <summary>Its sFlow interface counters: octets counted by the device between polls, over the time between them.</summary>
    Counters,
}
