"""The scikit-learn counterpart of `vecnet train --data TRAIN.csv --save MODEL`, for bench/realdata.py.

Usage: python3 bench/sklearn_train.py TRAIN.csv MODEL.pkl

Reads a CSV file with a header row and the class label last, standardises the features, fits
MLPClassifier with its defaults and pickles the pipeline: what a user would run from a shell, so that
its whole process can be timed against vecnet's. Imports only what that needs.
"""
import pickle
import sys
import warnings

import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.neural_network import MLPClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    data = np.loadtxt(sys.argv[1], delimiter=",", skiprows=1)
    with warnings.catch_warnings():
        # Its default 200 epochs end before the optimiser converges on some data sets; the model stands.
        warnings.simplefilter("ignore", ConvergenceWarning)
        model = make_pipeline(StandardScaler(), MLPClassifier(random_state=0)).fit(data[:, :-1], data[:, -1].astype(int))
    with open(sys.argv[2], "wb") as f:
        pickle.dump(model, f)


if __name__ == "__main__":
    main()
