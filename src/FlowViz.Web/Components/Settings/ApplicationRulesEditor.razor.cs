using FlowViz.Storage.Settings;
using FlowViz.Web.Settings;

namespace FlowViz.Web.Components.Settings;

/// <summary>Edits the application rules: rows, preview of the last hour's top applications, save with the version.</summary>
public partial class ApplicationRulesEditor
{
    protected override ISettingsList<ApplicationRuleRow, ApplicationPreview> List => Editor.Applications;

    protected override ApplicationRuleEdit ToEdit(ApplicationRuleRow row) => new() { Name = row.Name, Protocol = row.Protocol, Ports = row.Ports };

    protected override ApplicationRuleRow ToRow(ApplicationRuleEdit edit) => new(edit.Name.Trim(), edit.Protocol.Trim(), edit.Ports.Trim());
}
