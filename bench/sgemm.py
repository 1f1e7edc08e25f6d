"""bench/sgemm's driver: NumPy float32 and vecnet square matmuls, 1 and 2 threads, interleaved.

Run it through bench/sgemm, which finds the JDK and builds the jar first.
"""
import argparse
import os
import re
import statistics
import subprocess
import sys

from blas import PINNED_OPENBLAS, unpinned_environment

BENCH = os.path.dirname(os.path.abspath(__file__))
SECONDS = re.compile(r"^seconds per matmul: ([0-9.]+)$", re.M)
THREAD_COUNTS = (1, 2)


def numpy_command(args, n, threads):
    env = unpinned_environment()
    env.update(OPENBLAS_NUM_THREADS=str(threads), OMP_NUM_THREADS=str(threads))
    if args.avx2:
        env["OPENBLAS_CORETYPE"] = "Haswell"
    return [sys.executable, os.path.join(BENCH, "sgemm_numpy.py"), str(n), "21"], env


def vecnet_command(args, n, threads):
    avx2 = ["-XX:UseAVX=2"] if args.avx2 else []
    return [args.java, "--add-modules", "jdk.incubator.vector", "-XX:+UseSerialGC", "-Xmx1g"] + avx2 + [
        "-cp", args.jar, "io.vecnet.bench.SgemmMain", str(n), str(threads), "21"], os.environ


def describe(command, env):
    """The environment lines each side prints besides its time."""
    done = subprocess.run(command, capture_output=True, text=True, env=env)
    return [line for line in done.stdout.splitlines() if not SECONDS.match(line)]


def seconds_of(command, env):
    done = subprocess.run(command, capture_output=True, text=True, env=env)
    if done.returncode != 0:
        sys.exit("bench/sgemm: %s failed (exit %d):\n%s" % (" ".join(command), done.returncode, done.stderr))
    return float(SECONDS.search(done.stdout).group(1))


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--java", required=True)
    parser.add_argument("--jar", required=True)
    parser.add_argument("--avx2", action="store_true",
                        help="256-bit AVX2 code on both sides: -XX:UseAVX=2 and OPENBLAS_CORETYPE=Haswell")
    parser.add_argument("sizes", nargs="*", type=int, default=[256, 512, 1024])
    args = parser.parse_args()
    pinned = ["%s=%s" % (k, os.environ[k]) for k in PINNED_OPENBLAS if k in os.environ]
    if pinned:
        print("unset for NumPy's runs: %s  " % " ".join(pinned))
    for line in describe(*numpy_command(args, 64, 1)) + describe(*vecnet_command(args, 64, 1)):
        print(line + "  ")
    print()
    print("| n | threads | NumPy float32 GFLOP/s | vecnet GFLOP/s | vecnet ÷ NumPy | vecnet 2 threads ÷ 1 thread |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    for n in args.sizes:
        flops = 2.0 * n ** 3
        vecnet_by_threads = {}
        for threads in THREAD_COUNTS:
            numpy_runs, vecnet_runs = [], []
            for run in range(args.runs):
                # Alternate which goes first, so drift in the machine's load hits both alike.
                pair = [("numpy", numpy_command(args, n, threads)), ("vecnet", vecnet_command(args, n, threads))]
                for name, (command, env) in pair[run % 2:] + pair[:run % 2]:
                    (numpy_runs if name == "numpy" else vecnet_runs).append(seconds_of(command, env))
            numpy_gflops = flops / statistics.median(numpy_runs) / 1e9
            vecnet_gflops = flops / statistics.median(vecnet_runs) / 1e9
            vecnet_by_threads[threads] = vecnet_gflops
            scaling = "%.2fx" % (vecnet_gflops / vecnet_by_threads[1]) if threads > 1 else ""
            print("| %d | %d | %.1f | %.1f | %.2fx | %s |" % (n, threads, numpy_gflops, vecnet_gflops,
                                                           vecnet_gflops / numpy_gflops, scaling))
            sys.stdout.flush()


if __name__ == "__main__":
    main()
