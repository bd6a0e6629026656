namespace FlowViz.Enrichment.Tests.MaxMindDb;

/// <summary>A node of the search tree being built: bit 0 goes left, bit 1 right.</summary>
internal sealed class TreeNode
{
    public TreeChild Left { get; private set; } = TreeChild.Empty;

    public TreeChild Right { get; private set; } = TreeChild.Empty;

    public int Number { get; private set; }

    public void Insert(bool[] bits, int depth, TreeChild leaf)
    {
        var goRight = bits[depth];
        var child = goRight ? Right : Left;
        if (depth == bits.Length - 1)
        {
            Set(goRight, leaf);
            return;
        }
        if (child.Node is null)
        {
            // A shorter network's data (or nothing) here: push it down both sides so the rest of it keeps its answer.
            var split = new TreeNode { Left = child, Right = child };
            child = TreeChild.ForNode(split);
            Set(goRight, child);
        }
        child.Node!.Insert(bits, depth + 1, leaf);
    }

    /// <summary>Numbers the nodes breadth-first from the root (node 0) and returns them in that order.</summary>
    public List<TreeNode> NumberBreadthFirst()
    {
        var order = new List<TreeNode> { this };
        for (var i = 0; i < order.Count; i++)
        {
            order[i].Number = i;
            foreach (var child in new[] { order[i].Left, order[i].Right })
            {
                if (child.Node is { } node)
                {
                    order.Add(node);
                }
            }
        }
        return order;
    }

    private void Set(bool right, TreeChild child)
    {
        if (right)
        {
            Right = child;
        }
        else
        {
            Left = child;
        }
    }
}
