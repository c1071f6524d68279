"""Hand-made particle events for the clustering tie-breaking and edge-case tests (see make_physics_fixtures.sh).

Event 0: 4 momenta x 5 exact copies (zero distances, equal d_ij everywhere).
Event 1: 36 massless particles, pt = 10, on a (rapidity, azimuth) grid of 3 x 12 (many equal distances).
Event 2: edge cases: along the beam (E == |pz|, pt = 0), at rest, a zero vector, a spacelike vector, massive ones.
Event 3: 40 momenta x 6 exact copies (240 particles, so the tiled strategies differ from the plain one).
Event 4: one particle.  Event 5: two particles 0.3 apart in azimuth.
Values are written with %.17g so that they parse to the same doubles everywhere.
"""
import math
import random
import sys


def massless(pt, y, phi):
    return (pt * math.cos(phi), pt * math.sin(phi), pt * math.sinh(y), pt * math.cosh(y))


def main(path):
    rng = random.Random(20240607)
    events = []
    base = [massless(rng.uniform(5, 50), rng.uniform(-1, 1), rng.uniform(-3, 3)) for _ in range(4)]
    events.append([p for p in base for _ in range(5)])
    events.append([massless(10.0, y, k * math.pi / 6) for y in (-0.3, 0.0, 0.3) for k in range(12)])
    events.append([
        (0.0, 0.0, 10.0, 10.0), (0.0, 0.0, -7.0, 7.0), (0.0, 0.0, 0.0, 0.5), (0.0, 0.0, 0.0, 0.0),
        (3.0, 0.0, 0.0, 2.0), (10.0, 1.0, 2.0, 12.0), (9.0, 1.5, 2.5, 11.0), (-20.0, 0.1, 5.0, 25.0),
        (-19.0, 0.5, 4.0, 21.0), (0.5, 0.5, 30.0, 30.1), (1e-3, -1e-3, 1e-3, 2e-3),
    ])
    base = [massless(rng.expovariate(0.1) + 1, rng.uniform(-3, 3), rng.uniform(-math.pi, math.pi)) for _ in range(40)]
    events.append([p for p in base for _ in range(6)])
    events.append([massless(25.0, 0.5, 1.0)])
    events.append([massless(25.0, 0.5, 1.0), massless(15.0, 0.5, 1.3)])
    with open(path, "w", newline="\n") as fh:
        fh.write("event,px,py,pz,E\n")
        for ev, particles in enumerate(events):
            for p in particles:
                fh.write("%d,%.17g,%.17g,%.17g,%.17g\n" % ((ev,) + tuple(p)))


if __name__ == "__main__":
    main(sys.argv[1])
