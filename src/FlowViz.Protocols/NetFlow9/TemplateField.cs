namespace FlowViz.Protocols.NetFlow9;

/// <summary>One stored field of a compiled template: where it sits in a data record and what it becomes.</summary>
/// <param name="Offset">Byte offset from the start of the data record.</param>
/// <param name="Length">Length in bytes, as the template declared it.</param>
/// <param name="Kind">The flow record field it fills.</param>
public readonly record struct TemplateField(ushort Offset, ushort Length, TemplateFieldKind Kind);
