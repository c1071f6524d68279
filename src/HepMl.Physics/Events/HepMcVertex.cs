namespace HepMl.Physics.Events;

/// <summary>One vertex (<c>V</c> line) of a HepMC3 event.</summary>
/// <param name="Id">The vertex id (negative).</param>
/// <param name="Status">Status code.</param>
/// <param name="IncomingParticles">Ids of the incoming particles.</param>
/// <param name="Position">(x, y, z, t) in the event's length unit, or null when the line has none.</param>
public sealed record HepMcVertex(int Id, int Status, int[] IncomingParticles, (double X, double Y, double Z, double T)? Position);
