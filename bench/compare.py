"""bench/compare's driver: runs every implementation of each workload, interleaved, and prints
medians of the training loop's time and of the whole process's time, with ratios to vecnet.

Run it through bench/compare, which finds the JDK and builds the jars first.
"""
import argparse
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import time

from blas import PINNED_OPENBLAS, unpinned_environment
from casestudy_numpy import WORKLOADS

BENCH = os.path.dirname(os.path.abspath(__file__))
LOOP_SECONDS = re.compile(r"^loop seconds: ([0-9.]+)$", re.M)
CLI_LOOP_SECONDS = re.compile(r" iterations in ([0-9.]+) s ", re.M)
FINAL_LOSS = re.compile(r"^final loss: ([0-9.naif]+)$", re.M)

# `vecnet train` arguments for the workloads the CLI can run (spirals only).
VECNET_TRAIN = {
    "seed-net": ["train"],
    "linear": ["train", "--model", "linear"],
    "big-spiral": ["train", "--points", "10000", "--iterations", "1000"],
}

# With --warm, each vecnet (CompareMain) process first trains the workload for this long. After 3 s
# C2 was still compiling the GEMM's block loop (the 256-row step's loop 5% to 10% slower); after 10 s,
# further timed runs in the same JVM took the same time as the first.
WARM_SECONDS = 10

VECNET_LOOP = "vecnet (CompareMain)"
VECNET_ONE_THREAD = "vecnet 1 thread (CompareMain)"
VECNET_CLI = "vecnet train (CLI)"


def has_torch(python):
    """Whether `python` can import torch (it may be another interpreter than this one, e.g. Debian's)."""
    return subprocess.run([python, "-c", "import torch"], capture_output=True).returncode == 0


def huge_pages():
    """The launcher's huge-page flag where Linux gives huge pages on request (NumPy asks for them for
    its large arrays there), else nothing."""
    try:
        with open("/sys/kernel/mm/transparent_hugepage/enabled") as f:
            modes = f.read()
    except OSError:
        return []
    return ["-XX:+UseTransparentHugePages"] if "[always]" in modes or "[madvise]" in modes else []


def implementations(workload, args, torch_available):
    """(name, command, regex for the loop time, extra environment) for each implementation of workload."""
    python = [sys.executable]
    numpy = python + [os.path.join(BENCH, "casestudy_numpy.py"), workload, "--dtype"]
    one_thread = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}
    found = [
        ("numpy float64", numpy + ["float64"], LOOP_SECONDS, {}),
        ("numpy float32", numpy + ["float32"], LOOP_SECONDS, {}),
        ("numpy float32 1 thread", numpy + ["float32"], LOOP_SECONDS, one_thread),
    ]
    if torch_available:
        torch = [args.torch_python, os.path.join(BENCH, "casestudy_torch.py"), workload]
        found.append(("torch float32", torch + ["--threads", str(os.cpu_count())], LOOP_SECONDS, {}))
        found.append(("torch float32 1 thread", torch + ["--threads", "1"], LOOP_SECONDS, {}))
    warm = ["--warm-seconds", str(WARM_SECONDS)] if args.warm else []
    for name, threads in ((VECNET_LOOP, os.cpu_count()), (VECNET_ONE_THREAD, 1)):
        found.append((name, [args.java, "--add-modules", "jdk.incubator.vector", "-XX:+UseSerialGC",
                             "-XX:PretenureSizeThreshold=1m", "-Xmx2g"]
                      + huge_pages() + ["-Dvecnet.threads=%d" % threads, "-cp", args.jar, "io.vecnet.bench.CompareMain"]
                      + warm + [workload], LOOP_SECONDS, {}))
    if workload in VECNET_TRAIN:
        found.append((VECNET_CLI, [args.vecnet] + VECNET_TRAIN[workload], CLI_LOOP_SECONDS, {}))
    return found


# Some machines pin OpenBLAS to an older kernel through these variables, which older OpenBLAS builds
# need there; they slow a current one. The comparison is with the OpenBLAS a user of NumPy gets.
def run_once(command, loop_pattern, extra_environment, cpu=None):
    """Runs one process, on CPU `cpu` alone when it is given; returns its process and loop seconds and
    final loss."""
    environment = unpinned_environment()
    environment.update(extra_environment)
    pin = None if cpu is None else (lambda: os.sched_setaffinity(0, {cpu}))
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=environment, preexec_fn=pin)
    process_seconds = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit("bench/compare: %s failed (exit %d):\n%s" % (" ".join(command), done.returncode, done.stderr))
    loop = loop_pattern.search(done.stdout)
    loss = FINAL_LOSS.search(done.stdout)
    return process_seconds, float(loop.group(1)) if loop else None, loss.group(1) if loss else ""


def unpinned_blas():
    """loaded_blas() as the runs see it: in a child process, without the OpenBLAS pin."""
    code = "import json, blas; print(json.dumps(blas.loaded_blas()))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=BENCH,
                          env=unpinned_environment(), check=True)
    return json.loads(done.stdout)


def describe_environment(args, torch_available):
    import numpy as np
    cpu = "unknown"
    with open("/proc/cpuinfo") as cpuinfo:
        for line in cpuinfo:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    java = subprocess.run([args.java, "-version"], capture_output=True, text=True).stderr.splitlines()
    libraries, configs = unpinned_blas()
    print("machine: %s, %d logical CPUs" % (cpu, os.cpu_count()))
    print("java: %s" % (java[0] if java else args.java))
    print("python %s, NumPy %s" % (platform.python_version(), np.__version__))
    print("BLAS loaded by NumPy: %s" % (", ".join(libraries) or "none found"))
    for config in configs:
        print("  %s" % config)
    if torch_available:
        version = subprocess.run([args.torch_python, "-c", "import torch, numpy; print(torch.__version__, "
                                  "numpy.__version__)"], capture_output=True, text=True).stdout.split()
        print("PyTorch %s (NumPy %s) under %s" % (version[0], version[1], args.torch_python))
    pinned = [k for k in PINNED_OPENBLAS if k in os.environ]
    if pinned:
        print("unset for every run: %s" % " ".join("%s=%s" % (k, os.environ[k]) for k in pinned))
    threading = {k: v for k, v in unpinned_environment().items() if re.match(r"(OPENBLAS|OMP|MKL)_", k)}
    if threading:
        print("environment: %s" % " ".join("%s=%s" % item for item in sorted(threading.items())))
    # The launcher makes its start-up cache on the first run that finds none: make it now, so that no
    # measured run pays for it.
    subprocess.run([args.vecnet, "--version"], capture_output=True, text=True, env=unpinned_environment())
    aot = os.environ.get("VECNET_AOT", "1") != "0"
    print("vecnet train (CLI): the launcher's start-up cache %s" % ("on (made before the runs)" if aot
                                                                    else "off (VECNET_AOT=0)"))
    print("runs per implementation: %d, interleaved" % args.runs)
    if args.cpu is not None:
        print("one-thread rows: every process on CPU %d alone" % args.cpu)
    if args.warm:
        print("vecnet (CompareMain) rows warm: each process first trains the workload for %d s" % WARM_SECONDS)


def seconds(value):
    return "" if value is None else "%.3f s" % value


def ratio(value, reference):
    return "" if value is None or not reference else "%.2fx" % (value / reference)


def one_thread(name):
    return name.endswith("1 thread") or name == VECNET_ONE_THREAD


def same_threads(name):
    """The vecnet row a loop time is compared with: the one-thread run for one-thread rows."""
    return VECNET_ONE_THREAD if one_thread(name) else VECNET_LOOP


def print_table(workload, results):
    medians = {}
    spreads = {}
    for name, runs in results.items():
        loops = [loop for _, loop, _ in runs if loop is not None]
        medians[name] = (statistics.median(r[0] for r in runs), statistics.median(loops) if loops else None,
                         runs[0][2])
        spreads[name] = "%.3f–%.3f" % (min(loops), max(loops)) if loops else ""
    process_reference = medians[VECNET_CLI if VECNET_CLI in medians else VECNET_LOOP][0]
    header = ["implementation", "loop", "loop range", "process", "loop ÷ vecnet", "process ÷ vecnet", "final loss"]
    rows = [[name, seconds(loop), spreads[name], seconds(process), ratio(loop, medians[same_threads(name)][1]),
             ratio(process, process_reference), loss] for name, (process, loop, loss) in medians.items()]
    widths = [max(len(row[i]) for row in [header] + rows) for i in range(len(header))]
    print()
    model, points, classes, hidden, iterations = WORKLOADS[workload]
    if model in ("deep", "adam"):
        data = "%dx784 random" % (points or 60000)
    else:
        data = "%dx2 spiral" % (points * classes) if points else "60000x784 random"
    widths_of = list(hidden) if isinstance(hidden, tuple) else [hidden] if hidden else []
    layers = "".join("-> %d " % w for w in widths_of) + "-> %d" % classes
    steps = "%d epoch(s) of batches of 128" % iterations if model == "adam" else "%d iterations" % iterations
    print("%s: %s %s, %s (medians; loop range: fastest–slowest run)" % (workload, data, layers, steps))
    print("| " + " | ".join(h.ljust(w) if i == 0 else h.rjust(w) for i, (h, w) in enumerate(zip(header, widths))) + " |")
    print("| " + " | ".join("-" * w if i == 0 else "-" * (w - 1) + ":" for i, w in enumerate(widths)) + " |")
    for row in rows:
        print("| " + " | ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths))) + " |")
    sys.stdout.flush()


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--java", required=True)
    parser.add_argument("--jar", required=True)
    parser.add_argument("--vecnet", required=True)
    parser.add_argument("--torch-python", default=sys.executable,
                        help="the interpreter that has PyTorch (default: this one)")
    parser.add_argument("--warm", action="store_true",
                        help="time vecnet's CompareMain runs after %d s of training in the same JVM" % WARM_SECONDS)
    parser.add_argument("--cpu", type=int,
                        help="run the one-thread rows' processes on this CPU only (Linux; bench/compare checks "
                             "that this process may run there)")
    parser.add_argument("workloads", nargs="*", metavar="WORKLOAD")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    unknown = [w for w in args.workloads if w not in WORKLOADS]
    if unknown:
        parser.error("unknown workload %s (expected %s)" % (", ".join(unknown), ", ".join(WORKLOADS)))
    torch_available = has_torch(args.torch_python)
    describe_environment(args, torch_available)
    for workload in args.workloads or list(WORKLOADS):
        candidates = implementations(workload, args, torch_available)
        results = {name: [] for name, _, _, _ in candidates}
        for run in range(args.runs):
            # Rotating the order spreads any drift in the machine's load over every implementation.
            for name, command, loop_pattern, environment in (candidates[run % len(candidates):]
                                                             + candidates[:run % len(candidates)]):
                cpu = args.cpu if one_thread(name) else None
                results[name].append(run_once(command, loop_pattern, environment, cpu))
        print_table(workload, results)


if __name__ == "__main__":
    main()
