using FlowViz.Storage.Settings;
using FlowViz.Web.Settings;

namespace FlowViz.Web.Components.Settings;

/// <summary>Edits the local networks: rows, preview of in/out/internal/transit bytes, save with the version.</summary>
public partial class NetworksEditor
{
    protected override ISettingsList<LocalNetworkRow, NetworkPreview> List => Editor.Networks;

    protected override NetworkEdit ToEdit(LocalNetworkRow row) => new() { Name = row.Name, Prefix = row.Prefix };

    protected override LocalNetworkRow ToRow(NetworkEdit edit) => new(edit.Name.Trim(), edit.Prefix.Trim());
}
