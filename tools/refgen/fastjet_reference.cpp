// FastJet reference values for HepMl.Physics clustering tests.
//
// Reads particles (CSV "event,px,py,pz,E", rows grouped by event), clusters every event with kt, Cambridge/Aachen
// and anti-kt at R = 0.4 and 1.0 (E-scheme), and writes one CSV with the reference jets, counts, exclusive-jet
// quantities and a digest of the clustering history (or the full history with --full-history).
//
// Build and run: see make_physics_fixtures.sh beside this file (links Debian's libfastjet 3.4.0, -lfastjet only).
//   fastjet_reference particles.csv out.csv [--strategies Best|all] [--full-history]
//
// Row kinds (all floats %.17g):
//   S,event,alg,R,strategy,strategy_used,n_particles,n_inclusive_all,sum_pt_all,history_digest,history_size
//   J,event,alg,R,strategy,kind,rank,px,py,pz,E,pt,rap,phi_std,m   kind: incl5 (inclusive, pt >= 5, sorted by pt),
//                                                                  excl2 / excl3 (exclusive_jets(n), sorted by pt; kt, C/A)
//   D,event,alg,R,strategy,n,exclusive_dmerge,exclusive_dmerge_max,n_exclusive_jets(dcut = dmerge)   (kt, C/A; n = 1..4)
//   P,event,alg,R,strategy,step,parent1,parent2,dij                 (only with --full-history, events of <= 40 particles)
// history_digest = sum over history steps i of (i + 1) * ((parent1 + 3) * 1009 + (parent2 + 3)), mod 2^61 (changes when
// two steps swap).  Without --strategies, C/A is also run with N2Plain, N2Tiled and N2MinHeapTiled: its beam
// mergings all have d_iB = 1 (exact ties), so their order, and hence exclusive_jets(n), depends on the strategy.
#include <fastjet/ClusterSequence.hh>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

using namespace fastjet;

static std::vector<std::pair<long, std::vector<PseudoJet>>> read_events(const std::string& path) {
  std::ifstream in(path);
  if (!in) {
    std::fprintf(stderr, "cannot open %s\n", path.c_str());
    std::exit(2);
  }
  std::vector<std::pair<long, std::vector<PseudoJet>>> events;
  std::string line;
  std::getline(in, line);  // header
  long cur = -1;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const char* p = line.c_str();
    char* end;
    long ev = std::strtol(p, &end, 10);
    double v[4];
    for (int i = 0; i < 4; ++i) {
      p = end + 1;
      v[i] = std::strtod(p, &end);
    }
    if (events.empty() || ev != cur) {
      events.emplace_back(ev, std::vector<PseudoJet>());
      cur = ev;
    }
    PseudoJet pj(v[0], v[1], v[2], v[3]);
    pj.set_user_index(static_cast<int>(events.back().second.size()));
    events.back().second.push_back(pj);
  }
  return events;
}

static const char* alg_name(JetAlgorithm a) {
  switch (a) {
    case kt_algorithm: return "Kt";
    case cambridge_algorithm: return "CambridgeAachen";
    case antikt_algorithm: return "AntiKt";
    default: return "?";
  }
}

static const char* strategy_name(Strategy s) {
  switch (s) {
    case Best: return "Best";
    case N2Plain: return "N2Plain";
    case N2Tiled: return "N2Tiled";
    case N2MinHeapTiled: return "N2MinHeapTiled";
    default: return "?";
  }
}

static void write_jet(FILE* out, const char* prefix, const char* kind, int rank, const PseudoJet& j) {
  std::fprintf(out, "J,%s,%s,%d,%.17g,%.17g,%.17g,%.17g,%.17g,%.17g,%.17g,%.17g\n", prefix, kind, rank, j.px(), j.py(),
               j.pz(), j.E(), j.pt(), j.rap(), j.phi_std(), j.m());
}

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s particles.csv out.csv [--strategies Best|all] [--full-history]\n", argv[0]);
    return 2;
  }
  bool all_strategies = false, full_history = false;
  for (int i = 3; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--strategies" && i + 1 < argc) all_strategies = std::string(argv[++i]) == "all";
    else if (a == "--full-history") full_history = true;
    else { std::fprintf(stderr, "unknown option %s\n", a.c_str()); return 2; }
  }
  ClusterSequence::set_fastjet_banner_stream(nullptr);
  auto events = read_events(argv[1]);
  FILE* out = std::fopen(argv[2], "w");
  if (!out) { std::fprintf(stderr, "cannot write %s\n", argv[2]); return 2; }
  std::fprintf(out, "# FastJet %s reference; input %s\n", fastjet_version_string().c_str(), argv[1]);

  std::vector<Strategy> strategies = {Best};
  if (all_strategies) strategies = {N2Plain, N2Tiled, N2MinHeapTiled};
  const JetAlgorithm algs[] = {kt_algorithm, cambridge_algorithm, antikt_algorithm};
  const double radii[] = {0.4, 1.0};

  for (const auto& ev : events) {
    for (JetAlgorithm alg : algs) {
      for (double R : radii) {
        std::vector<Strategy> run = strategies;
        if (!all_strategies && alg == cambridge_algorithm) run = {Best, N2Plain, N2Tiled, N2MinHeapTiled};
        for (Strategy strategy : run) {
          JetDefinition def(alg, R, E_scheme, strategy);
          ClusterSequence cs(ev.second, def);
          char prefix[128];
          std::snprintf(prefix, sizeof prefix, "%ld,%s,%g,%s", ev.first, alg_name(alg), R, strategy_name(strategy));

          std::vector<PseudoJet> all = cs.inclusive_jets(0.0);
          double sum_pt = 0;
          for (const auto& j : all) sum_pt += j.pt();
          const auto& hist = cs.history();
          unsigned long long digest = 0;
          const unsigned long long mod = 1ULL << 61;
          for (size_t i = 0; i < hist.size(); ++i) {
            unsigned long long term = (static_cast<unsigned long long>(i + 1) *
                                       (static_cast<unsigned long long>(hist[i].parent1 + 3) * 1009ULL +
                                        static_cast<unsigned long long>(hist[i].parent2 + 3))) % mod;
            digest = (digest + term) % mod;
          }
          std::fprintf(out, "S,%s,%s,%zu,%zu,%.17g,%llu,%zu\n", prefix, cs.strategy_string().c_str(), ev.second.size(),
                       all.size(), sum_pt, digest, hist.size());

          std::vector<PseudoJet> jets = sorted_by_pt(cs.inclusive_jets(5.0));
          // (the extra C/A strategies share the inclusive jets of Best, so they are written once)
          if (all_strategies || strategy == Best)
            for (size_t k = 0; k < jets.size(); ++k) write_jet(out, prefix, "incl5", static_cast<int>(k), jets[k]);

          if (alg != antikt_algorithm) {
            for (int n = 2; n <= 3; ++n) {
              if (static_cast<int>(ev.second.size()) < n) continue;
              std::vector<PseudoJet> ex = sorted_by_pt(cs.exclusive_jets(n));
              for (size_t k = 0; k < ex.size(); ++k) write_jet(out, prefix, n == 2 ? "excl2" : "excl3", static_cast<int>(k), ex[k]);
            }
            for (int n = 1; n <= 4; ++n) {
              double d = cs.exclusive_dmerge(n);
              std::fprintf(out, "D,%s,%d,%.17g,%.17g,%d\n", prefix, n, d, cs.exclusive_dmerge_max(n), cs.n_exclusive_jets(d));
            }
          }
          if (full_history && ev.second.size() <= 40) {
            for (size_t i = 0; i < hist.size(); ++i)
              std::fprintf(out, "P,%s,%zu,%d,%d,%.17g\n", prefix, i, hist[i].parent1, hist[i].parent2, hist[i].dij);
          }
        }
      }
    }
  }
  std::fclose(out);
  return 0;
}
