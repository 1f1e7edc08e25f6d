"""vecnet's defaults against scikit-learn's MLPClassifier (and PyTorch, when installed) on public data sets.

Usage: python3 bench/realdata.py [--vecnet ./vecnet] [--runs 3]

Needs scikit-learn (Debian: python3-sklearn), whose bundled copies of iris, wine, breast cancer and
digits are the data. Each is split 80/20, stratified (random_state=0), into CSV files with the
features as they come; then, on the same split:
  vecnet:        `vecnet train --data train.csv --save m.vnet` with no other flag, then `vecnet predict`;
  scikit-learn:  MLPClassifier() with its defaults, after StandardScaler fitted on the training rows
                 (MLPClassifier does not scale; without it iris and wine fail as vecnet once did);
  PyTorch:       the same recipe as vecnet's defaults written with torch.optim.Adam.
Times are wall-clock medians of --runs runs, in two pairs that compare like with like:
  train process: what a user runs from a shell, start to exit. vecnet's `train` command against a
                 Python process that reads the same CSV file, scales, fits and pickles the model
                 (bench/sklearn_train.py), imports included;
  training:      the training alone. vecnet's loop (its summary line) in that cold process and warm,
                 in a JVM that has already run the same command for a few seconds (bench/WarmTrain.java,
                 what a service embedding the engine pays); scikit-learn's and PyTorch's fit() inside
                 an already running Python.
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import warnings

try:
    import numpy as np
    from sklearn import datasets
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.model_selection import train_test_split
    from sklearn.neural_network import MLPClassifier
    from sklearn.preprocessing import StandardScaler
except ImportError as missing:
    if {"-h", "--help"} & set(sys.argv[1:]):
        sys.exit(print(__doc__))
    sys.exit("bench/realdata.py: %s; it needs NumPy and scikit-learn (on Debian or Ubuntu: sudo apt-get install "
             "python3-sklearn, then run it with /usr/bin/python3)" % missing)

DATASETS = {
    "iris": datasets.load_iris,
    "wine": datasets.load_wine,
    "breast cancer": datasets.load_breast_cancer,
    "digits": datasets.load_digits,
}
LOOP = re.compile(r" iterations in ([0-9.]+) s ")
ACCURACY = re.compile(r"^accuracy: ([0-9.]+)", re.M)
WARM_SECONDS = 3


def write_csv(path, X, y):
    with open(path, "w") as f:
        f.write(",".join(["f%d" % i for i in range(X.shape[1])] + ["label"]) + "\n")
        for row, label in zip(X, y):
            f.write(",".join(repr(float(v)) for v in row) + ",%d\n" % label)


def run_vecnet(vecnet, train, test, model):
    start = time.perf_counter()
    trained = subprocess.run([vecnet, "train", "--data", train, "--save", model, "--quiet"],
                             capture_output=True, text=True)
    process = time.perf_counter() - start
    if trained.returncode != 0:
        sys.exit("vecnet train failed:\n" + trained.stdout + trained.stderr)
    predicted = subprocess.run([vecnet, "predict", "--model", model, "--data", test, "--out", os.devnull],
                               capture_output=True, text=True)
    accuracy = float(ACCURACY.search(predicted.stdout + predicted.stderr).group(1))
    return accuracy, process, float(LOOP.search(trained.stdout).group(1))


def run_sklearn_process(train, model):
    start = time.perf_counter()
    subprocess.run([sys.executable, os.path.join(os.path.dirname(os.path.abspath(__file__)), "sklearn_train.py"),
                    train, model], check=True)
    return time.perf_counter() - start


def java_home(root):
    return subprocess.run(["bash", "-c", 'source scripts/find-jdk.sh && vecnet_java_home'], cwd=root, check=True,
                          capture_output=True, text=True).stdout.strip()


def run_vecnet_warm(root, train, model):
    """vecnet's `train` loop after WARM_SECONDS of running the same command in the same JVM."""
    java = os.path.join(java_home(root), "bin", "java")
    out = subprocess.run([java, "--add-modules", "jdk.incubator.vector", "-XX:+UseSerialGC",
                          "-cp", os.path.join(root, "cli", "target", "vecnet.jar"),
                          os.path.join(root, "bench", "WarmTrain.java"), str(WARM_SECONDS),
                          "train", "--data", train, "--save", model, "--quiet"],
                         capture_output=True, text=True, check=True).stdout
    return float(re.search(r"warm loop seconds: ([0-9.]+)", out).group(1))


def run_sklearn(Xtr, ytr, Xte, yte):
    scaler = StandardScaler().fit(Xtr)
    start = time.perf_counter()
    with warnings.catch_warnings():
        # Its default 200 epochs end before the optimiser converges on some data sets; the model stands.
        warnings.simplefilter("ignore", ConvergenceWarning)
        model = MLPClassifier(random_state=0).fit(scaler.transform(Xtr), ytr)
    seconds = time.perf_counter() - start
    return model.score(scaler.transform(Xte), yte), seconds


def run_torch(Xtr, ytr, Xte, yte):
    import torch
    torch.manual_seed(0)
    scaler = StandardScaler().fit(Xtr)
    Xv_all = torch.tensor(scaler.transform(Xtr), dtype=torch.float32)
    y_all = torch.tensor(ytr)
    Xt, Xv, yt, yv = train_test_split(Xv_all, y_all, test_size=0.1, random_state=0, stratify=ytr)
    model = torch.nn.Sequential(torch.nn.Linear(Xt.shape[1], 100), torch.nn.ReLU(),
                                torch.nn.Linear(100, int(y_all.max()) + 1))
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = torch.nn.CrossEntropyLoss()
    start = time.perf_counter()
    best, best_state, waited = float("inf"), None, 0
    batch = min(200, len(Xt))
    for epoch in range(200):
        order = torch.randperm(len(Xt))
        for i in range(0, len(Xt), batch):
            rows = order[i:i + batch]
            optimizer.zero_grad()
            loss = loss_fn(model(Xt[rows]), yt[rows]) + 0.5e-3 * sum((p * p).sum() for n, p in
                                                                     model.named_parameters() if "weight" in n)
            loss.backward()
            optimizer.step()
        with torch.no_grad():
            validation = loss_fn(model(Xv), yv).item()
        if validation < best - 1e-4:
            best, waited = validation, 0
            best_state = {k: v.clone() for k, v in model.state_dict().items()}
        else:
            waited += 1
            if waited >= 10:
                break
    seconds = time.perf_counter() - start
    model.load_state_dict(best_state)
    with torch.no_grad():
        predicted = model(torch.tensor(scaler.transform(Xte), dtype=torch.float32)).argmax(1).numpy()
    return float((predicted == yte).mean()), seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--vecnet", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "vecnet"))
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    try:
        import torch  # noqa: F401
        have_torch = True
    except ImportError:
        have_torch = False
    import sklearn
    print("scikit-learn %s, NumPy %s%s" % (sklearn.__version__, np.__version__,
                                          ", PyTorch %s" % torch.__version__ if have_torch else ""))
    print()
    print("| data set | rows (train/test) | test accuracy: vecnet / scikit-learn / PyTorch "
          "| train process s: vecnet / scikit-learn | vecnet loop s: cold / warm | scikit-learn fit s | PyTorch fit s |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    with tempfile.TemporaryDirectory() as tmp:
        for name, load in DATASETS.items():
            data = load()
            Xtr, Xte, ytr, yte = train_test_split(data.data, data.target, test_size=0.2, random_state=0,
                                                  stratify=data.target)
            train, test, model = (os.path.join(tmp, f) for f in ("train.csv", "test.csv", "m.vnet"))
            write_csv(train, Xtr, ytr)
            write_csv(test, Xte, yte)
            vecnet, sk_process = [], []
            for _ in range(args.runs):
                vecnet.append(run_vecnet(args.vecnet, train, test, model))
                sk_process.append(run_sklearn_process(train, os.path.join(tmp, "m.pkl")))
            warm = run_vecnet_warm(root, train, model)
            sk = [run_sklearn(Xtr, ytr, Xte, yte) for _ in range(args.runs)]
            pt = [run_torch(Xtr, ytr, Xte, yte) for _ in range(args.runs)] if have_torch else None
            print("| %s | %d/%d | %.3f / %.3f / %s | %.2f / %.2f | %.3f / %.3f | %.3f | %s |" % (
                name, len(ytr), len(yte), vecnet[0][0], sk[0][0], "%.3f" % pt[0][0] if pt else "-",
                statistics.median(r[1] for r in vecnet), statistics.median(sk_process),
                statistics.median(r[2] for r in vecnet), warm,
                statistics.median(r[1] for r in sk), "%.3f" % statistics.median(r[1] for r in pt) if pt else "-"))
            sys.stdout.flush()


if __name__ == "__main__":
    main()
