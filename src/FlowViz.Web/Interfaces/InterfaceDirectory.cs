using FlowViz.Core.Interfaces;
using FlowViz.Core.Queries;

namespace FlowViz.Web.Interfaces;

/// <summary>
/// The known interfaces keyed as the query service keys its interface rows ("exporter/ifIndex"), so a page can put
/// a name, description and class next to traffic. Reads the (tenant-scoped where it is wrapped) <see cref="IInterfaceCatalog"/>,
/// never the tables, and holds nothing between calls.
/// </summary>
public sealed class InterfaceDirectory(IInterfaceCatalog catalog)
{
    public async Task<IReadOnlyDictionary<string, ClassifiedInterface>> ByKeyAsync(CancellationToken cancellationToken)
    {
        var interfaces = await catalog.ListAsync(cancellationToken);
        var byKey = new Dictionary<string, ClassifiedInterface>(interfaces.Count, StringComparer.Ordinal);
        foreach (var known in interfaces)
        {
            byKey[KeyOf(known.Interface)] = known;
        }
        return byKey;
    }

    public static string KeyOf(KnownInterface known) => DimensionLabels.InterfaceKey(known.Exporter.ToString(), known.IfIndex);
}
