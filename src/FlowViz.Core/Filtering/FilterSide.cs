namespace FlowViz.Core.Filtering;

/// <summary>
/// Which end of the flow a predicate looks at. <see cref="Either"/> (no <c>src</c>/<c>dst</c> written) matches when
/// the source or the destination matches, as nfdump's bare <c>host</c>, <c>port</c>, <c>net</c> and <c>as</c> do.
/// For interfaces, <see cref="Src"/> is the input interface (<c>in if</c>) and <see cref="Dst"/> the output (<c>out if</c>).
/// </summary>
public enum FilterSide
{
    Either,
    Src,
    Dst,
}
