"""Which BLAS NumPy runs, for the bench drivers' environment lines, and the environment that pins OpenBLAS."""
import ctypes
import os
import re

# Set on some machines to pin OpenBLAS to an older kernel; the drivers unset them, so that NumPy runs
# the kernel its OpenBLAS picks for this CPU.
PINNED_OPENBLAS = ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")


def unpinned_environment():
    return {k: v for k, v in os.environ.items() if k not in PINNED_OPENBLAS}


def _text(library, symbols):
    """The string the first of these functions that the library exports returns, or None."""
    for symbol in symbols:
        function = getattr(library, symbol, None)
        if function is not None:
            function.restype = ctypes.c_char_p
            return function().decode().strip()
    return None


def loaded_blas():
    """The BLAS libraries NumPy loaded, and OpenBLAS's description of its build and of the kernel it
    chose for this CPU when it is one of them (Linux: read from /proc/self/maps)."""
    import numpy as np
    matrix = np.ones((64, 64))
    matrix @ matrix
    if not os.path.exists("/proc/self/maps"):
        return [], []
    with open("/proc/self/maps") as maps:
        libraries = sorted({line.split()[-1] for line in maps
                            if re.search(r"blas|blis|mkl", line.split()[-1], re.I)})
    descriptions = set()
    for library in libraries:
        try:
            loaded = ctypes.CDLL(library)
        except OSError:
            continue
        # Debian's OpenBLAS exports the plain names; the OpenBLAS in NumPy's wheels prefixed ones.
        config = _text(loaded, ("openblas_get_config", "scipy_openblas_get_config64_", "scipy_openblas_get_config"))
        core = _text(loaded, ("openblas_get_corename", "scipy_openblas_get_corename64_",
                              "scipy_openblas_get_corename"))
        if config:
            descriptions.add(config + ("; kernel for this CPU: %s" % core if core else ""))
    return libraries, sorted(descriptions)
