#!/usr/bin/python3
"""Issue 3 performance, HepMl beside its peers in one run:
  1. reading a chunked, gzip-compressed [N,100,100] float32 HDF5 dataset: h5py vs HepMl with 1 and 2 threads;
  2. writing a 10M-entry ROOT tree (make_big_root.py's branches, zlib level 1): uproot vs HepMl (1 and 2 threads).

Waits for a quiet host first (common.py wait-quiet), then runs the tools alternately (the order flips every round),
REPEATS rounds each; every process times its own work after a warm-up. Prints one JSON line per run, then medians,
ratios (peer time / HepMl time: > 1 means HepMl is faster) and the fraction of host CPU other processes used during
each tool's runs (0.5 on this 2-core host = one core taken by someone else throughout).

Usage (from the repository root, after bench/peers/run_issue3_perf.sh has built the two bench programs):
    /usr/bin/python3 bench/peers/issue3_perf.py [--data /tmp/peerdata] [--n 10000] [--entries 10000000]
        [--repeats 3] [--only hdf5|root] [--shuffle] [--wait SECONDS]
PYTHONPATH must let uproot import (../shared/peers/uproot/setup.sh) for the ROOT part.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
PEERS = os.path.join(REPO, "..", "shared", "peers")
PY = "/usr/bin/python3"


def cpu_jiffies():
    with open("/proc/stat") as fh:
        values = list(map(int, fh.readline().split()[1:]))
    return sum(values), values[3] + values[4]


def run(command, env=None):
    """Runs one timed process; returns its JSON line plus the others' busy fraction during it."""
    total0, idle0 = cpu_jiffies()
    own0 = os.times()
    done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    total1, idle1 = cpu_jiffies()
    own1 = os.times()
    if done.returncode != 0:
        sys.stderr.write(done.stderr)
        raise SystemExit(f"failed ({done.returncode}): {' '.join(command)}")
    record = json.loads(done.stdout.strip().splitlines()[-1])
    child = (own1.children_user + own1.children_system - own0.children_user - own0.children_system)
    elapsed = max(total1 - total0, 1)
    busy = (elapsed - (idle1 - idle0)) - child * os.sysconf("SC_CLK_TCK")
    record["others_busy"] = round(max(0.0, busy / elapsed), 3)
    print(json.dumps(record), flush=True)
    return record


def summarise(title, runs, seconds_key, peer, rows):
    print(f"\n## {title}")
    medians = {}
    for name, records in runs.items():
        times = [r[seconds_key] for r in records]
        medians[name] = statistics.median(times)
        busy = statistics.median(r["others_busy"] for r in records)
        print(f"{name:28s} median {medians[name]:8.3f} s  runs {', '.join(f'{t:.3f}' for t in times)}  "
              f"others' busy {busy:.2f}" + (f"  {rows / medians[name] / 1e6:.1f} M{'entries' if 'ROOT' in title else 'B'}/s" if rows else ""))
    for name in runs:
        if name != peer:
            print(f"ratio {peer} / {name}: {medians[peer] / medians[name]:.2f}x")
    return medians


def hdf5(args):
    data = os.path.join(args.data, "hdf5")
    os.makedirs(data, exist_ok=True)
    path = os.path.join(data, f"images_gzip4{'_shuffle' if args.shuffle else ''}_n{args.n}.h5")
    if not os.path.exists(path):
        subprocess.run([PY, os.path.join(HERE, "hdf5", "make_images.py"), path, str(args.n), "10", "4",
                        "1" if args.shuffle else "0"], check=True)
    bench = os.path.join(HERE, "hdf5", "bin", "Release", "net10.0", "HepMl.Hdf5ReadBench")
    tools = {
        "h5py": [PY, os.path.join(HERE, "hdf5", "read_h5py.py"), path, str(args.inner)],
        "hepml 1 thread": [bench, path, "1", str(args.inner)],
        "hepml 2 threads": [bench, path, "2", str(args.inner)],
    }
    runs = {name: [] for name in tools}
    for round_ in range(args.repeats):
        order = list(tools) if round_ % 2 == 0 else list(reversed(tools))
        for name in order:
            runs[name].append(run(tools[name]))
    checks = {name: round(r[-1]["checksum"], 1) for name, r in runs.items()}
    if len(set(checks.values())) != 1:
        raise SystemExit(f"checksums differ: {checks}")
    size = runs["h5py"][0]["mb_per_s"] * runs["h5py"][0]["seconds"] * 1e6
    return summarise(f"HDF5 read, {os.path.basename(path)} ({size / 1e6:.0f} MB of float32), "
                     f"median of {args.inner} reads per process", runs, "seconds", "h5py", size)


def root(args):
    out = os.path.join(args.data, "root-write")
    os.makedirs(out, exist_ok=True)
    bench = os.path.join(HERE, "root-write", "bin", "Release", "net10.0", "HepMl.RootWriteBench")
    peer_file = os.path.join(out, "uproot_zlib1.root")
    env = dict(os.environ)
    env["PYTHONPATH"] = env.get("PYTHONPATH", "") + os.pathsep + os.path.join(PEERS, "uproot")
    tools = {
        "uproot": ([PY, os.path.join(HERE, "root-write", "write_uproot.py"), peer_file, str(args.entries), "zlib1"], env),
        "hepml 1 thread": ([bench, os.path.join(out, "hepml_zlib1.root"), str(args.entries), "zlib:1", "--threads", "1",
                            "--from", peer_file], None),
        "hepml 2 threads": ([bench, os.path.join(out, "hepml_zlib1.root"), str(args.entries), "zlib:1", "--threads", "2",
                             "--from", peer_file], None),
    }
    runs = {name: [] for name in tools}
    for round_ in range(args.repeats):
        # uproot runs first in round 0: HepMl writes the values uproot wrote (--from).
        order = list(tools) if round_ % 2 == 0 else list(reversed(tools))
        for name in order:
            command, environment = tools[name]
            runs[name].append(run(command, environment))
    sizes = {name: r[-1]["bytes"] for name, r in runs.items()}
    print(f"\nfile sizes (bytes): {sizes}")
    return summarise(f"ROOT write, {args.entries} entries, zlib level 1", runs, "write_seconds", "uproot", args.entries)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="/tmp/peerdata")
    parser.add_argument("--n", type=int, default=10000)
    parser.add_argument("--entries", type=int, default=10_000_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--inner", type=int, default=3, help="timed reads per HDF5 process (after one warm-up)")
    parser.add_argument("--only", choices=["hdf5", "root"])
    parser.add_argument("--shuffle", action="store_true", help="HDF5 file with the shuffle filter before deflate")
    parser.add_argument("--wait", default="300", help="seconds to wait for a quiet host (common.py wait-quiet)")
    args = parser.parse_args()
    quiet = subprocess.run([PY, os.path.join(PEERS, "common.py"), "wait-quiet", args.wait], stdout=subprocess.PIPE,
                           text=True).stdout.strip()
    print(f"host busy after wait-quiet {args.wait}: {quiet}  ({time.strftime('%Y-%m-%d %H:%M:%S UTC', time.gmtime())}, "
          f"{os.cpu_count()} CPUs)", flush=True)
    if args.only in (None, "hdf5"):
        hdf5(args)
    if args.only in (None, "root"):
        root(args)


if __name__ == "__main__":
    main()
