using System.Globalization;
using CsCheck;
using FlowViz.Core.Filtering;
using FlowViz.Storage.Filtering;

namespace FlowViz.Storage.Tests.Filtering;

public sealed class FilterSqlCompilerTests
{
    [Fact]
    public void Compile_ProtoAndDstPort_ColumnsFromTheMapValuesAsNumberedParameters()
    {
        var compiled = FilterSqlCompiler.Flows.Compile(FilterParser.Parse("proto tcp and dst port 443"), 3);

        Assert.Equal("((protocol = $3) AND (dst_port = $4))", compiled.Sql);
        Assert.Equal([6L, 443L], compiled.Parameters.Select(p => p.Value));
    }

    [Fact]
    public void Compile_EitherSide_OneParameterTestedAgainstBothColumns()
    {
        var compiled = FilterSqlCompiler.Flows.Compile(FilterParser.Parse("not net 192.0.2.0/24"), 1);

        Assert.Equal("((src_addr <<= $1 OR dst_addr <<= $1) IS NOT TRUE)", compiled.Sql);
        Assert.Single(compiled.Parameters);
    }

    [Theory]
    [InlineData("host 203.0.113.77", "203.0.113.77")]
    [InlineData("net 2001:db8:abcd::/48", "abcd")]
    [InlineData("port 31337", "31337")]
    [InlineData("as 4200000123", "4200000123")]
    [InlineData("bytes > 987654321", "987654321")]
    [InlineData("in if 424242", "424242")]
    [InlineData("proto 123", "123")]
    [InlineData("flags CEUAPRSF", "255")]
    [InlineData("origin as 4200000123", "4200000123")]
    [InlineData("direction transit", "4")]
    public void Compile_DistinctiveValue_NeverAppearsInTheSql(string text, string value)
    {
        var compiled = FilterSqlCompiler.Flows.Compile(FilterParser.Parse(text), 1);

        Assert.DoesNotContain(value, compiled.Sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_RandomFilters_SqlHoldsOnlyWhitelistedWordsAndPlaceholders()
    {
        char[] separators = [' ', '(', ')', '<', '>', '=', '&', ':'];
        // The words of the whitelisted column expressions (origin AS is a CASE over traffic_direction) and the operators.
        var allowed = new HashSet<string>(FilterColumns.Flows.Values.SelectMany(column => column.Split(separators)), StringComparer.Ordinal)
            { "AND", "OR", "NOT", "IS", "TRUE", "bigint" };
        FilterPools.Expression.Sample(
            filter =>
            {
                var compiled = FilterSqlCompiler.Flows.Compile(filter, 7);
                var words = compiled.Sql.Split(separators, StringSplitOptions.RemoveEmptyEntries);
                foreach (var word in words)
                {
                    Assert.True(
                        allowed.Contains(word) || (word[0] == '$' && int.Parse(word[1..], CultureInfo.InvariantCulture) >= 7),
                        $"'{word}' in {compiled.Sql}");
                }
                Assert.Equal(compiled.Parameters.Count, words.Where(w => w[0] == '$').Distinct().Count());
            },
            seed: "0N0XIzNsQ0O9",
            iter: 2_000,
            print: filter => filter.ToString());
    }

    [Fact]
    public void Compile_RandomFiltersWithInterfaceClasses_RawFlowSqlHoldsOnlyWhitelistedWordsAndNoValue()
    {
        char[] separators = [' ', '(', ')', '<', '>', '=', '&', ':'];
        var allowed = new HashSet<string>(FilterColumns.FlowsWithInterfaceClasses.Values.SelectMany(column => column.Split(separators)), StringComparer.Ordinal)
            { "AND", "OR", "NOT", "IS", "TRUE", "bigint" };
        // Class values are any text (quotes, semicolons, SQL words): they must only ever be parameters.
        var classTerm = Gen.Select(Gen.OneOf(Gen.Const(LabelSubject.Connectivity), Gen.Const(LabelSubject.Provider), Gen.Const(LabelSubject.Boundary)),
            Gen.OneOf(Gen.String, Gen.Const("transit' OR 1=1; --")),
            (subject, value) => (FilterExpression)new LabelFilter(subject, FilterSide.Either, value));
        var expression = Gen.Frequency<FilterExpression>(
            (2, classTerm),
            (1, FilterPools.Predicate),
            (2, Gen.Select(FilterPools.Expression, classTerm, (left, right) => (FilterExpression)new AndFilter(left, right))),
            (2, Gen.Select(classTerm, FilterPools.Expression, (left, right) => (FilterExpression)new OrFilter(left, new NotFilter(right)))),
            (1, classTerm.Select(term => (FilterExpression)new NotFilter(term))));
        expression.Sample(
            filter =>
            {
                var compiled = FilterSqlCompiler.FlowsWithInterfaceClasses.Compile(filter, 5);
                var words = compiled.Sql.Split(separators, StringSplitOptions.RemoveEmptyEntries);
                foreach (var word in words)
                {
                    Assert.True(
                        allowed.Contains(word) || (word[0] == '$' && int.Parse(word[1..], CultureInfo.InvariantCulture) >= 5),
                        $"'{word}' in {compiled.Sql}");
                }
                Assert.Equal(compiled.Parameters.Count, words.Where(w => w[0] == '$').Distinct().Count());
            },
            seed: "0N0XIzNsQ0O9",
            iter: 2_000,
            print: filter => filter.ToString());
    }

    [Fact]
    public void Compile_NotConnectivity_SameExpressionOnRawFlowsAsOnTheCubesWithInterfaces()
    {
        var filter = FilterParser.Parse("not connectivity transit");

        var raw = FilterSqlCompiler.FlowsWithInterfaceClasses.Compile(filter, 1).Sql;

        Assert.Equal(
            "(((exporter, input_if) IN (SELECT if_exporter, if_index FROM interface_classes WHERE boundary = 'external' AND connectivity = $1)" +
            " OR ((exporter, input_if) NOT IN (SELECT if_exporter, if_index FROM interface_classes WHERE boundary = 'external')" +
            " AND (exporter, output_if) IN (SELECT if_exporter, if_index FROM interface_classes WHERE connectivity = $1))) IS NOT TRUE)", raw);
        Assert.Equal(raw, global::FlowViz.Storage.Rollups.RollupCubes.As.Compiler.Compile(filter, 1).Sql);
        Assert.Equal(raw, global::FlowViz.Storage.Rollups.RollupCubes.Interface.Compiler.Compile(filter, 1).Sql);
    }

    [Fact]
    public void Compile_OriginAsAndDirection_ReadTheDirectionColumnWithParameters()
    {
        var compiled = FilterSqlCompiler.Flows.Compile(FilterParser.Parse("origin as 64496 and not direction in"), 1);

        Assert.Equal(
            "((CASE traffic_direction WHEN 1 THEN src_as WHEN 2 THEN dst_as END = $1) AND ((traffic_direction = $2) IS NOT TRUE))",
            compiled.Sql);
        Assert.Equal(new object[] { 64496L, (short)1 }, compiled.Parameters.Select(p => p.Value!));
    }

    [Theory]
    [InlineData("connectivity transit", "connectivity")]
    [InlineData("proto tcp or provider example", "provider")]
    [InlineData("not boundary external", "boundary")]
    public void Compile_DimensionNotInTheMap_SaysWhichOne(string text, string name)
    {
        var exception = Assert.Throws<FilterNotSupportedException>(() => FilterSqlCompiler.Flows.Compile(FilterParser.Parse(text), 1));

        Assert.Contains($"this view cannot filter by {name}", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_RollupWithoutPorts_RefusesPortFilters()
    {
        var rollup = new FilterSqlCompiler(new Dictionary<FilterField, string> { [FilterField.Protocol] = "protocol" }, "the hourly rollup does not keep it");

        Assert.Equal("(protocol = $1)", rollup.Compile(FilterParser.Parse("proto udp"), 1).Sql);
        Assert.Equal(
            "this view cannot filter by port: the hourly rollup does not keep it",
            Assert.Throws<FilterNotSupportedException>(() => rollup.Compile(FilterParser.Parse("proto udp and port 53"), 1)).Message);
    }
}
