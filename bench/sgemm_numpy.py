"""NumPy's float32 square matmul, for bench/sgemm: prints the median seconds of one a @ b.

Usage: python3 sgemm_numpy.py N REPEATS  (threads: set OPENBLAS_NUM_THREADS before starting)
"""
import statistics
import sys
import time

import numpy as np

from blas import loaded_blas


def main():
    n, repeats = int(sys.argv[1]), int(sys.argv[2])
    rng = np.random.default_rng(1)
    a = rng.standard_normal((n, n), dtype=np.float32)
    b = rng.standard_normal((n, n), dtype=np.float32)
    out = np.empty((n, n), dtype=np.float32)
    for _ in range(3):
        np.matmul(a, b, out=out)
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        np.matmul(a, b, out=out)
        times.append(time.perf_counter() - start)
    print("seconds per matmul: %.9f" % statistics.median(times))
    libraries, descriptions = loaded_blas()
    blas = "; ".join(descriptions) or "BLAS: " + (", ".join(libraries) or "none found")
    print("NumPy %s, %s" % (np.__version__, blas))


if __name__ == "__main__":
    main()
