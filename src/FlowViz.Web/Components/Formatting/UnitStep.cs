namespace FlowViz.Web.Components.Formatting;

/// <summary>One prefix of a unit scale: values of at least <paramref name="Factor"/> are divided by it and get <paramref name="Suffix"/>.</summary>
public readonly record struct UnitStep(double Factor, string Suffix);
