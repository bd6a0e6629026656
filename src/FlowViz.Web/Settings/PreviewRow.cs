namespace FlowViz.Web.Settings;

/// <summary>One line of a preview: a label (an application, a direction) with its bytes now and with the candidate settings.</summary>
public sealed record PreviewRow(string Label, long BytesBefore, long BytesAfter)
{
    public long Difference => BytesAfter - BytesBefore;
}
