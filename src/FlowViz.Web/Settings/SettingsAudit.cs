using FlowViz.Identity.Audit;

namespace FlowViz.Web.Settings;

/// <summary>How a settings save is written to the audit log: who, what, the comment after the detail, from where.</summary>
public static class SettingsAudit
{
    public static Task WriteSaveAsync(this AuditLog audit, SettingsSave save, string action, string detail, CancellationToken cancellationToken) =>
        audit.WriteAsync(save.User, action, save.Comment is null ? detail : $"{detail}: {save.Comment}", save.RemoteAddress, cancellationToken);
}
