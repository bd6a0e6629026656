using CsCheck;
using FlowViz.Core.Filtering;

namespace FlowViz.Core.Tests.Filtering;

public sealed class FilterPropertyTests
{
    [Fact]
    public void Parse_PrintedRandomTree_GivesTheSameTree() =>
        FilterGen.Expression.Sample(
            expression => Assert.Equal(expression, FilterParser.Parse(expression.ToString())),
            iter: 20_000,
            print: expression => expression.ToString());

    [Fact]
    public void ToString_ParsedRandomText_IsAFixedPoint() =>
        FilterGen.Expression.Sample(
            expression =>
            {
                var text = expression.ToString();
                Assert.Equal(text, FilterParser.Parse(text).ToString());
            },
            iter: 5_000);

    [Fact]
    public void TryParse_Garbage_NeverThrowsAndErrorsPointInsideTheText() =>
        FilterGen.Garbage.Sample(
            text =>
            {
                if (!FilterParser.TryParse(text, out var expression, out var error))
                {
                    Assert.InRange(error.Position, 0, text.Length);
                    Assert.InRange(error.Position + error.Length, error.Position, text.Length);
                    Assert.False(string.IsNullOrWhiteSpace(error.Message));
                }
                else
                {
                    Assert.Equal(expression, FilterParser.Parse(expression.ToString()));
                }
            },
            iter: 50_000,
            print: text => $"\"{text}\"");
}
