using System.Net;

namespace FlowViz.Generator.Load;

/// <summary>What <see cref="LoadGenerator"/> sends: where, in which format, how fast, for how long, from how many exporters.</summary>
/// <param name="Target">The collector's address and UDP port.</param>
/// <param name="Protocol">NetFlow v5, v9 or IPFIX.</param>
/// <param name="FlowsPerSecond">Offered rate over all exporters; 0 sends as fast as one thread can.</param>
/// <param name="Duration">The run stops when this much time has passed, whatever was sent.</param>
/// <param name="Exporters">Simulated exporters, each with its own source address (127.0.0.10, .11, … on loopback).</param>
/// <param name="MaxFlows">Stops after this many flows (null: rate × duration when paced, unbounded otherwise).</param>
/// <param name="DatagramSize">Largest UDP payload; v5 is capped at its 30 records whatever this says.</param>
public sealed record LoadGeneratorOptions(
    IPEndPoint Target,
    LoadProtocol Protocol,
    long FlowsPerSecond,
    TimeSpan Duration,
    int Exporters,
    long? MaxFlows = null,
    int DatagramSize = LoadGeneratorOptions.DefaultDatagramSize)
{
    /// <summary>Under a 1500-byte MTU with IP and UDP headers, as real exporters keep their packets.</summary>
    public const int DefaultDatagramSize = 1400;

    /// <summary>The flows the run aims to send: <see cref="MaxFlows"/>, else rate × duration, else unbounded.</summary>
    public long FlowBudget => MaxFlows
        ?? (FlowsPerSecond > 0 ? (long)(FlowsPerSecond * Duration.TotalSeconds) : long.MaxValue);
}
