// Writes a small HepMC3 ASCII file with HepMC3's own WriterAscii (Debian libhepmc3-dev 3.1.2), then reads it back
// with ReaderAscii and writes the particles it sees as CSV, for the HepMl.Physics HepMC3 reader tests.
// Build and run: see make_hepmc3_fixture.sh beside this file.
//   hepmc3_reference out.hepmc3 out_particles.csv
// CSV: event,number,units,weight0,weight1,particle_id,pdg,status,px,py,pz,e,generated_mass,production_vertex
//      (momenta as stored in the file, in the event's units; production_vertex = id of the production vertex, 0 if none)
#include <HepMC3/GenEvent.h>
#include <HepMC3/GenParticle.h>
#include <HepMC3/GenRunInfo.h>
#include <HepMC3/GenVertex.h>
#include <HepMC3/ReaderAscii.h>
#include <HepMC3/WriterAscii.h>

#include <cmath>
#include <cstdio>
#include <memory>

using namespace HepMC3;

static unsigned long long state = 20240613ULL;
static double uniform() {  // a fixed LCG so the file is the same on every run
  state = state * 6364136223846793005ULL + 1442695040888963407ULL;
  return static_cast<double>(state >> 11) / 9007199254740992.0;
}

static FourVector massive(double pt, double eta, double phi, double m) {
  double px = pt * std::cos(phi), py = pt * std::sin(phi), pz = pt * std::sinh(eta);
  return FourVector(px, py, pz, std::sqrt(px * px + py * py + pz * pz + m * m));
}

int main(int argc, char** argv) {
  if (argc < 3) { std::fprintf(stderr, "usage: %s out.hepmc3 out.csv\n", argv[0]); return 2; }
  auto run = std::make_shared<GenRunInfo>();
  run->set_weight_names({"nominal", "scale_up"});
  {
    WriterAscii writer(argv[1], run);
    for (int ev = 0; ev < 3; ++ev) {
      GenEvent event(run, Units::GEV, Units::MM);
      event.set_event_number(100 + ev);
      if (ev == 2) event.set_units(Units::MEV, Units::CM);  // converts the (empty) event to MeV: checks the U line
      double scale = ev == 2 ? 1000.0 : 1.0;
      auto beam1 = std::make_shared<GenParticle>(FourVector(0, 0, 6500 * scale, 6500 * scale), 2212, 4);
      auto beam2 = std::make_shared<GenParticle>(FourVector(0, 0, -6500 * scale, 6500 * scale), 2212, 4);
      auto hard = std::make_shared<GenVertex>(FourVector(0.01, -0.02, 0.5, 0.0));
      hard->add_particle_in(beam1);
      hard->add_particle_in(beam2);
      event.add_vertex(hard);
      int n = 3 + ev;
      for (int i = 0; i < n; ++i) {
        FourVector p = massive((5 + 50 * uniform()) * scale, 4 * uniform() - 2, 6.2831853 * uniform() - 3.14159265, 0.13957 * scale);
        bool decays = i == 0;
        auto particle = std::make_shared<GenParticle>(p, decays ? 111 : (i % 2 ? 211 : -211), decays ? 2 : 1);
        particle->set_generated_mass(0.13957 * scale);
        hard->add_particle_out(particle);
        if (decays) {  // pi0 -> gamma gamma: a single-parent vertex (written as the parent's id on the P lines)
          auto decay = std::make_shared<GenVertex>();
          decay->add_particle_in(particle);
          FourVector half(p.px() / 2, p.py() / 2, p.pz() / 2, p.e() / 2);
          decay->add_particle_out(std::make_shared<GenParticle>(half, 22, 1));
          decay->add_particle_out(std::make_shared<GenParticle>(half, 22, 1));
          event.add_vertex(decay);
        }
      }
      event.weights() = {1.0 + 0.25 * ev, 0.5 + ev};
      writer.write_event(event);
    }
    writer.close();
  }

  ReaderAscii reader(argv[1]);
  FILE* out = std::fopen(argv[2], "w");
  std::fprintf(out, "event,number,units,weight0,weight1,particle_id,pdg,status,px,py,pz,e,generated_mass,production_vertex\n");
  int ev = 0;
  while (true) {
    GenEvent event;
    reader.read_event(event);
    if (reader.failed()) break;
    for (const auto& p : event.particles()) {
      auto v = p->production_vertex();
      std::fprintf(out, "%d,%d,%s,%.17g,%.17g,%d,%d,%d,%.17g,%.17g,%.17g,%.17g,%.17g,%d\n", ev, event.event_number(),
                   Units::name(event.momentum_unit()).c_str(), event.weights()[0], event.weights()[1], p->id(), p->pid(),
                   p->status(), p->momentum().px(), p->momentum().py(), p->momentum().pz(), p->momentum().e(),
                   p->generated_mass(), v ? v->id() : 0);
    }
    ++ev;
  }
  std::fclose(out);
  return 0;
}
