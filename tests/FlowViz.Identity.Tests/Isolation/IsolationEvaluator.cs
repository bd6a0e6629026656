using System.Net;
using FlowViz.Core.Filtering;
using FlowViz.Core.Flows;
using FlowViz.Core.Interfaces;

namespace FlowViz.Identity.Tests.Isolation;

/// <summary>
/// <see cref="FilterEvaluator"/> plus the predicates it cannot answer from a flow alone: connectivity, provider and
/// boundary, read from the world's interface classes with the rule the query service documents (the input
/// interface's class when its boundary is external, else the output interface's; a missing value matches nothing).
/// </summary>
public sealed class IsolationEvaluator(IReadOnlyDictionary<(IPAddress Exporter, uint IfIndex), InterfaceClass> classes)
{
    public bool Matches(FilterExpression expression, in FlowRecord flow) => expression switch
    {
        AndFilter and => Matches(and.Left, flow) && Matches(and.Right, flow),
        OrFilter or => Matches(or.Left, flow) || Matches(or.Right, flow),
        NotFilter not => !Matches(not.Operand, flow),
        LabelFilter { Subject: LabelSubject.Connectivity or LabelSubject.Provider or LabelSubject.Boundary } label =>
            string.Equals(ClassValue(label.Subject, flow), label.Value, StringComparison.Ordinal),
        _ => FilterEvaluator.Matches(expression, flow),
    };

    private string? ClassValue(LabelSubject subject, in FlowRecord flow)
    {
        var exporter = flow.Exporter.ToIPAddress();
        classes.TryGetValue((exporter, flow.InputInterface), out var input);
        classes.TryGetValue((exporter, flow.OutputInterface), out var output);
        var chosen = input?.Boundary == "external" ? input : output;
        return subject switch
        {
            LabelSubject.Connectivity => chosen?.Connectivity,
            LabelSubject.Provider => chosen?.Provider,
            _ => chosen?.Boundary,
        };
    }
}
