namespace HepMl.Tmva.Factory;

/// <summary>
/// A figure of merit of a selection with expected signal <paramref name="signal"/> and background
/// <paramref name="background"/> (S/√B, S/√(S+B), Asimov Z with or without a background uncertainty, ...). HepMl.Tmva
/// takes it as a delegate; the <c>hepml</c> tool supplies HepMl.Physics' significance formulas.
/// </summary>
public delegate double FigureOfMerit(double signal, double background);
