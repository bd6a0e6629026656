namespace FlowViz.Generator.Demo;

/// <summary>
/// One kind of conversation in the demo mix: a server port and protocol, how common it is, and how big
/// its requests and responses are (mean bytes; sizes vary ±50 % around them).
/// </summary>
internal sealed record ApplicationProfile(
    string Name,
    byte Protocol,
    ushort ServerPort,
    int Weight,
    int RequestBytes,
    int ResponseBytes,
    bool InboundService = false);
