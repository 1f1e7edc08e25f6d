"""Prints bench/run's table from a JMH JSON result: one row per benchmark, scalar beside vector.

Usage: python3 jmh_table.py RESULT.json

Times are JMH's scores (mean per operation) with the half-width of JMH's 99.9% confidence
interval when there were enough measurements; speed-up is scalar time / vector time.
"""
import json
import sys

# method name -> (what it measures, shape, floating-point operations per call or None)
BENCHMARKS = {
    "matmulInputLayer": ("matmul X·W1", "300x2 · 2x100", 2 * 300 * 2 * 100),
    "matmulOutputLayer": ("matmul hidden·W2", "300x100 · 100x3", 2 * 300 * 100 * 3),
    "matmulGradientW2": ("matmul hiddenᵀ·dscores", "(300x100)ᵀ · 300x3", 2 * 100 * 300 * 3),
    "matmulGradientHidden": ("matmul dscores·W2ᵀ", "300x3 · (100x3)ᵀ", 2 * 300 * 3 * 100),
    "matmulGradientW1": ("matmul Xᵀ·dhidden", "(300x2)ᵀ · 300x100", 2 * 2 * 300 * 100),
    "addBias": ("bias add", "300x100", None),
    "relu": ("relu", "300x100", None),
    "reluBackward": ("relu backward", "300x100", None),
    "softmaxCrossEntropy": ("softmax cross-entropy", "300x3", None),
    "columnSums": ("column sums", "300x100", None),
    "axpy": ("axpy (W2 update)", "100x3", None),
    "sumOfSquares": ("sum of squares (W1)", "2x100", None),
    "matmul": ("matmul A·B", "{n}x{n} · {n}x{n}", lambda n: 2 * n ** 3),
    "parallelMatmul": ("matmul A·B, {threads} thread(s)", "{n}x{n} · {n}x{n}", lambda n, threads: 2 * n ** 3),
    "largeIteration": ("training iteration, {workload}, {threads} thread(s)", "", None),
    "epochOfAdam": ("epoch of Adam, 10 batches of 200, {threads} thread(s)", "2000x{inputs} → 100 → 10", None),
    "seedNetIteration": ("training iteration, seed net", "300x2 → 100 → 3", None),
    "linearIteration": ("training iteration, linear", "300x2 → 3", None),
    "seedNetTenThousandIterations": ("10,000 iterations, seed net", "300x2 → 100 → 3", None),
}

NANOS_PER_UNIT = {"ns": 1, "us": 1e3, "ms": 1e6, "s": 1e9}


def nanos(score, unit):
    return score * NANOS_PER_UNIT[unit.split("/")[0]]


def format_time(ns):
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= scale:
            return "%.3g %s" % (ns / scale, unit)
    return "%.3g ns" % ns


def format_measurement(metric):
    ns = nanos(metric["score"], metric["scoreUnit"])
    error = metric["scoreError"]
    if isinstance(error, (int, float)) and error == error:
        return "%s ± %.0f%%" % (format_time(ns), 100 * error / metric["score"])
    return format_time(ns)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    with open(sys.argv[1]) as f:
        results = json.load(f)

    rows = {}  # (method, params) -> {"scalar": metric, "vector": metric}
    for result in results:
        *_, backend, method = result["benchmark"].split(".")
        params = tuple(sorted(result.get("params", {}).items()))
        rows.setdefault((method, params), {})[backend.lower()] = result["primaryMetric"]

    order = list(BENCHMARKS)
    header = ["kernel", "shape", "scalar", "vector", "speed-up", "scalar GFLOP/s", "vector GFLOP/s"]
    table = []
    for (method, params), backends in sorted(
            rows.items(), key=lambda item: (order.index(item[0][0]) if item[0][0] in order else len(order),
                                            [int(v) if v.isdigit() else v for _, v in item[0][1]])):
        param_values = {k: int(v) if v.isdigit() else v for k, v in params}
        name, shape, flops = BENCHMARKS.get(method, (method, "", None))
        name = name.format(**param_values)
        shape = shape.format(**param_values)
        if callable(flops):
            flops = flops(**param_values)
        scalar, vector = backends.get("scalar"), backends.get("vector")
        cells = [name, shape,
                 format_measurement(scalar) if scalar else "",
                 format_measurement(vector) if vector else ""]
        if scalar and vector:
            cells.append("%.2fx" % (nanos(scalar["score"], scalar["scoreUnit"])
                                    / nanos(vector["score"], vector["scoreUnit"])))
        else:
            cells.append("")
        for metric in (scalar, vector):
            cells.append("%.2f" % (flops / nanos(metric["score"], metric["scoreUnit"]))
                         if flops and metric else "")
        table.append(cells)

    widths = [max(len(row[i]) for row in [header] + table) for i in range(len(header))]
    right_aligned = {2, 3, 4, 5, 6}

    def line(cells):
        return "| " + " | ".join(c.rjust(w) if i in right_aligned else c.ljust(w)
                                 for i, (c, w) in enumerate(zip(cells, widths))) + " |"

    print(line(header))
    print("| " + " | ".join(("-" * (w - 1) + ":") if i in right_aligned else "-" * w
                            for i, w in enumerate(widths)) + " |")
    for row in table:
        print(line(row))


if __name__ == "__main__":
    main()
