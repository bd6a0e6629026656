using System.Net;
using FlowViz.Core.Interfaces;

namespace FlowViz.Core.Tests.Interfaces;

public sealed class InterfaceClassifierTests
{
    private static readonly IPAddress Edge = IPAddress.Parse("192.0.2.1");
    private static readonly IPAddress Core = IPAddress.Parse("198.51.100.7");

    [Fact]
    public void Classify_DescriptionCapture_ProviderFromGroupInLowerCase()
    {
        var classifier = InterfaceClassifier.Compile([
            new InterfaceRule { Description = @"^Transit: (\w+)", Connectivity = "Transit", Provider = "$1", Boundary = "external" },
        ]);

        var match = classifier.Classify(Edge, 3, "et-0/0/1", "Transit: NTT");

        Assert.Equal(new InterfaceMatch(0, new InterfaceClass("transit", "ntt", "external"), null), match);
    }

    [Fact]
    public void Classify_NamedGroupWithSpaces_BecomesOneLabel()
    {
        var classifier = InterfaceClassifier.Compile([
            new InterfaceRule { Description = @"^(?<kind>PNI|IX): (?<peer>.+)$", Connectivity = "${kind}", Provider = "${peer}" },
        ]);

        var match = classifier.Classify(Edge, 3, null, "IX: DE-CIX Frankfurt (400G)");

        Assert.Equal(new InterfaceClass("ix", "de-cix-frankfurt-400g", null), match.Class);
    }

    [Fact]
    public void Classify_SeveralRulesMatch_FirstWins()
    {
        var classifier = InterfaceClassifier.Compile([
            new InterfaceRule { IfIndex = 3, Connectivity = "pni" },
            new InterfaceRule { Name = "^et-", Connectivity = "core", Boundary = "internal" },
        ]);

        Assert.Equal((int?)0, classifier.Classify(Edge, 3, "et-0/0/3", null).RuleIndex);
        Assert.Equal(new InterfaceMatch(1, new InterfaceClass("core", null, "internal"), null), classifier.Classify(Edge, 4, "et-0/0/4", null));
        Assert.Equal(InterfaceMatch.None, classifier.Classify(Edge, 5, "ge-0/0/5", null));
    }

    [Fact]
    public void Classify_ExporterNetwork_MatchesOnlyInside()
    {
        var classifier = InterfaceClassifier.Compile([
            new InterfaceRule { Exporter = "192.0.2.0/24", Connectivity = "transit" },
            new InterfaceRule { Exporter = "198.51.100.7", IfIndex = 1, Connectivity = "ix" },
        ]);

        Assert.Equal("transit", classifier.Classify(Edge, 9, null, null).Class?.Connectivity);
        Assert.Equal("ix", classifier.Classify(Core, 1, null, null).Class?.Connectivity);
        Assert.Null(classifier.Classify(Core, 2, null, null).Class);
        Assert.Null(classifier.Classify(IPAddress.Parse("2001:db8::1"), 1, null, null).Class);
    }

    [Fact]
    public void Classify_NameRuleOnInterfaceWithoutName_DoesNotMatch()
    {
        var classifier = InterfaceClassifier.Compile([new InterfaceRule { Name = ".*", Connectivity = "core" }]);

        Assert.Null(classifier.Classify(Edge, 1, null, "described").Class);
    }

    [Fact]
    public void Compile_InvalidRules_ReportsEveryErrorWithItsPath()
    {
        var exception = Assert.Throws<InterfaceRulesException>(() => InterfaceClassifier.Compile([
            new InterfaceRule { Name = "([a-z]+", Connectivity = "transit" },
            new InterfaceRule { Exporter = "192.0.2.1/24", Description = "^Transit", Provider = "$2", Boundary = "outside" },
            new InterfaceRule { Connectivity = "Transit NTT" },
            new InterfaceRule { IfIndex = 4 },
        ]));

        Assert.Equal(
            ["rules[0].name", "rules[1].exporter", "rules[1].provider", "rules[1].boundary", "rules[2].connectivity", "rules[3].connectivity"],
            exception.Errors.Select(e => e.Path));
        Assert.StartsWith("'([a-z]+' is not a valid regular expression", exception.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("host bits set", exception.Errors[1].Message, StringComparison.Ordinal);
        Assert.Contains("group '2'", exception.Errors[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_CatastrophicExpression_TimesOutAndLaterRulesStillApply()
    {
        var classifier = InterfaceClassifier.Compile([
            new InterfaceRule { Description = "^(a+)+$", Connectivity = "transit" },
            new InterfaceRule { Connectivity = "core" },
        ]);

        var match = classifier.Classify(Edge, 1, null, new string('a', 40) + "!");

        Assert.Equal("core", match.Class?.Connectivity);
        Assert.StartsWith("rule 0: its expression took longer than", match.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Transit: NTT Communications", "transit-ntt-communications")]
    [InlineData("  --!! ", null)]
    [InlineData("AS64496.peer_1", "as64496.peer_1")]
    public void Classify_CapturedText_BecomesAValidLabelOrNull(string description, string? provider)
    {
        var classifier = InterfaceClassifier.Compile([new InterfaceRule { Description = "^(.*)$", Provider = "$1" }]);

        Assert.Equal(provider, classifier.Classify(Edge, 1, null, description).Class?.Provider);
    }
}
