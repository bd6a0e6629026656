namespace FlowViz.Enrichment.Tests.MaxMindDb;

/// <summary>What a tree record points at: another node, a value in the data section, or nothing.</summary>
internal sealed record TreeChild(TreeNode? Node, long? DataOffset)
{
    public static TreeChild Empty { get; } = new(null, null);

    public static TreeChild ForNode(TreeNode node) => new(node, null);

    public static TreeChild ForData(long offset) => new(null, offset);

    /// <summary>The record's number: the spec puts data at node_count + 16 (the separator) + its offset.</summary>
    public uint RecordValue(int nodeCount) =>
        Node is not null ? (uint)Node.Number
        : DataOffset is { } offset ? (uint)(nodeCount + 16 + offset)
        : (uint)nodeCount;
}
