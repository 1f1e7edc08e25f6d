"""NumPy's float32 square matmul, for bench/sgemm: prints the median seconds of one a @ b.

Usage: python3 sgemm_numpy.py N REPEATS  (threads: set OPENBLAS_NUM_THREADS before starting)
"""
import ctypes
import glob
import os
import statistics
import sys
import time

import numpy as np


def openblas():
    """OpenBLAS's version and build, and the kernel it chose for this CPU, where NumPy's wheel names them."""
    libs = glob.glob(os.path.join(os.path.dirname(np.__file__), os.pardir, "numpy.libs", "*openblas*.so*"))
    if not libs:
        return "OpenBLAS: not found beside NumPy (a distribution's NumPy: see numpy.show_config())"
    lib = ctypes.CDLL(libs[0])
    names = [n for n in ("scipy_openblas_get_config64_", "openblas_get_config64_", "openblas_get_config")
             if hasattr(lib, n)]
    cores = [n for n in ("scipy_openblas_get_corename64_", "openblas_get_corename64_", "openblas_get_corename")
             if hasattr(lib, n)]
    if not names or not cores:
        return "OpenBLAS: " + os.path.basename(libs[0])
    config, core = getattr(lib, names[0]), getattr(lib, cores[0])
    config.restype = core.restype = ctypes.c_char_p
    return "%s; kernel for this CPU: %s" % (config().decode().strip(), core().decode())


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
    print("NumPy %s, %s" % (np.__version__, openblas()))


if __name__ == "__main__":
    main()
