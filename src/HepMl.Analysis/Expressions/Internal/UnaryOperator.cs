namespace HepMl.Analysis.Expressions.Internal;

internal enum UnaryOperator
{
    Negate,
    Not,
}
