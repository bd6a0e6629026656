namespace FlowViz.Core.Filtering;

/// <summary>What a <see cref="FilterToken"/> is; keywords other than and/or/not are plain words.</summary>
internal enum FilterTokenKind
{
    Word,
    LeftParen,
    RightParen,
    LeftBracket,
    RightBracket,
    Comma,
    And,
    Or,
    Not,
    Compare,
    Invalid,
    End,
}
