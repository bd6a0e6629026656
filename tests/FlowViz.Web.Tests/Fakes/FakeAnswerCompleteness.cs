using FlowViz.Core.Filtering;

namespace FlowViz.Web.Tests.Fakes;

/// <summary>Answers <see cref="CompleteFrom"/> (null: complete) and records what was asked.</summary>
public sealed class FakeAnswerCompleteness : IAnswerCompleteness
{
    public DateTimeOffset? CompleteFrom { get; set; }

    public List<(TimeRange Range, FlowDimension? By, FilterExpression? Filter)> Calls { get; } = [];

    public Task<DateTimeOffset?> CompleteFromAsync(
        TimeRange range, FlowDimension? by, FilterExpression? filter, int? stepSeconds, CancellationToken cancellationToken)
    {
        Calls.Add((range, by, filter));
        return Task.FromResult(CompleteFrom);
    }
}
