"""The CS231n "neural networks case study" code, as the course writes it, for bench/compare.

Usage: python3 casestudy_numpy.py WORKLOAD [--dtype float64|float32]

float64 is the course's code exactly. float32 casts the data and the initial parameters once,
after they are made; NumPy then keeps every array of the loop in float32. The last line printed is
"loop seconds: S", the wall time of the training loop alone (printing included, as in the course).
"""
import argparse
import time

import numpy as np

WORKLOADS = {
    # name: (model, spiral points per class or None for random data, classes, hidden units, iterations)
    "seed-net": ("net", 100, 3, 100, 10000),
    "linear": ("linear", 100, 3, None, 200),
    "big-spiral": ("net", 10000, 3, 100, 1000),
    "mnist-shaped": ("net", None, 10, 256, 10),
    # Deeper nets on the same random data: full batch, and a mini-batch-sized step of its first 256 rows.
    "deep-full": ("deep", None, 10, (256, 128), 10),
    "deep-batch": ("deep", 256, 10, (256, 128), 200),
    # One epoch of mini-batch Adam (batches of 128, lr 1e-3) on the mnist-shaped data and net.
    "adam-epoch": ("adam", None, 10, (256,), 1),
}


def spiral(N, D=2, K=3):
    X = np.zeros((N*K,D)) # data matrix (each row = single example)
    y = np.zeros(N*K, dtype='uint8') # class labels
    for j in range(K):
      ix = range(N*j,N*(j+1))
      r = np.linspace(0.0,1,N) # radius
      t = np.linspace(j*4,(j+1)*4,N) + np.random.randn(N)*0.2 # theta
      X[ix] = np.c_[r*np.sin(t), r*np.cos(t)]
      y[ix] = j
    return X, y


def random_data(N=60000, D=784, K=10):
    return np.random.randn(N, D), np.random.randint(K, size=N)


def train_linear(X, y, K, iterations, dtype):
    D = X.shape[1]
    # initialize parameters randomly
    W = 0.01 * np.random.randn(D,K)
    b = np.zeros((1,K))
    X, W, b = (a.astype(dtype) for a in (X, W, b))

    # some hyperparameters
    step_size = 1e-0
    reg = 1e-3 # regularization strength

    start = time.perf_counter()
    # gradient descent loop
    num_examples = X.shape[0]
    for i in range(iterations):

      # evaluate class scores, [N x K]
      scores = np.dot(X, W) + b

      # compute the class probabilities
      exp_scores = np.exp(scores)
      probs = exp_scores / np.sum(exp_scores, axis=1, keepdims=True) # [N x K]

      # compute the loss: average cross-entropy loss and regularization
      correct_logprobs = -np.log(probs[range(num_examples),y])
      data_loss = np.sum(correct_logprobs)/num_examples
      reg_loss = 0.5*reg*np.sum(W*W)
      loss = data_loss + reg_loss
      if i % 10 == 0:
        print("iteration %d: loss %f" % (i, loss))

      # compute the gradient on scores
      dscores = probs
      dscores[range(num_examples),y] -= 1
      dscores /= num_examples

      # backpropate the gradient to the parameters (W,b)
      dW = np.dot(X.T, dscores)
      db = np.sum(dscores, axis=0, keepdims=True)

      dW += reg*W # regularization gradient

      # perform a parameter update
      W += -step_size * dW
      b += -step_size * db
    return time.perf_counter() - start, loss


def train_net(X, y, K, h, iterations, dtype):
    D = X.shape[1]
    # initialize parameters randomly
    W = 0.01 * np.random.randn(D,h)
    b = np.zeros((1,h))
    W2 = 0.01 * np.random.randn(h,K)
    b2 = np.zeros((1,K))
    X, W, b, W2, b2 = (a.astype(dtype) for a in (X, W, b, W2, b2))

    # some hyperparameters
    step_size = 1e-0
    reg = 1e-3 # regularization strength

    start = time.perf_counter()
    # gradient descent loop
    num_examples = X.shape[0]
    for i in range(iterations):

      # evaluate class scores, [N x K]
      hidden_layer = np.maximum(0, np.dot(X, W) + b) # note, ReLU activation
      scores = np.dot(hidden_layer, W2) + b2

      # compute the class probabilities
      exp_scores = np.exp(scores)
      probs = exp_scores / np.sum(exp_scores, axis=1, keepdims=True) # [N x K]

      # compute the loss: average cross-entropy loss and regularization
      correct_logprobs = -np.log(probs[range(num_examples),y])
      data_loss = np.sum(correct_logprobs)/num_examples
      reg_loss = 0.5*reg*np.sum(W*W) + 0.5*reg*np.sum(W2*W2)
      loss = data_loss + reg_loss
      if i % 1000 == 0:
        print("iteration %d: loss %f" % (i, loss))

      # compute the gradient on scores
      dscores = probs
      dscores[range(num_examples),y] -= 1
      dscores /= num_examples

      # backpropate the gradient to the parameters
      # first backprop into parameters W2 and b2
      dW2 = np.dot(hidden_layer.T, dscores)
      db2 = np.sum(dscores, axis=0, keepdims=True)
      # next backprop into hidden layer
      dhidden = np.dot(dscores, W2.T)
      # backprop the ReLU non-linearity
      dhidden[hidden_layer <= 0] = 0
      # finally into W,b
      dW = np.dot(X.T, dhidden)
      db = np.sum(dhidden, axis=0, keepdims=True)

      # add regularization gradient contribution
      dW2 += reg * W2
      dW += reg * W

      # perform a parameter update
      W += -step_size * dW
      b += -step_size * db
      W2 += -step_size * dW2
      b2 += -step_size * db2
    return time.perf_counter() - start, loss


def train_deep(X, y, K, hidden, iterations, dtype):
    """The case study's net with any number of ReLU layers, He-initialised, same loss and update."""
    sizes = [X.shape[1]] + list(hidden) + [K]
    Ws = [np.random.randn(a, b) * np.sqrt(2.0 / a) for a, b in zip(sizes[:-1], sizes[1:])]
    bs = [np.zeros((1, b)) for b in sizes[1:]]
    X = X.astype(dtype)
    Ws = [W.astype(dtype) for W in Ws]
    bs = [b.astype(dtype) for b in bs]
    step_size, reg = 1e-1, 1e-3
    start = time.perf_counter()
    num_examples = X.shape[0]
    for i in range(iterations):
      activations = [X]
      for W, b in zip(Ws[:-1], bs[:-1]):
        activations.append(np.maximum(0, np.dot(activations[-1], W) + b))
      scores = np.dot(activations[-1], Ws[-1]) + bs[-1]
      scores -= np.max(scores, axis=1, keepdims=True)
      exp_scores = np.exp(scores)
      probs = exp_scores / np.sum(exp_scores, axis=1, keepdims=True)
      data_loss = np.sum(-np.log(probs[range(num_examples), y])) / num_examples
      loss = data_loss + sum(0.5 * reg * np.sum(W * W) for W in Ws)
      if i % 1000 == 0:
        print("iteration %d: loss %f" % (i, loss))
      delta = probs
      delta[range(num_examples), y] -= 1
      delta /= num_examples
      for l in range(len(Ws) - 1, -1, -1):
        dW = np.dot(activations[l].T, delta) + reg * Ws[l]
        db = np.sum(delta, axis=0, keepdims=True)
        if l > 0:
          delta = np.dot(delta, Ws[l].T)
          delta[activations[l] <= 0] = 0
        Ws[l] += -step_size * dW
        bs[l] += -step_size * db
    return time.perf_counter() - start, loss


def train_adam_epochs(X, y, K, hidden, epochs, dtype, batch=128, lr=1e-3, reg=1e-3):
    """Mini-batch Adam (PyTorch's defaults) over shuffled batches, the same network and loss as train_deep."""
    sizes = [X.shape[1]] + list(hidden) + [K]
    Ws = [(np.random.randn(a, b) * np.sqrt(2.0 / a)).astype(dtype) for a, b in zip(sizes[:-1], sizes[1:])]
    bs = [np.zeros((1, b), dtype=dtype) for b in sizes[1:]]
    params = Ws + bs
    m = [np.zeros_like(p) for p in params]
    v = [np.zeros_like(p) for p in params]
    X = X.astype(dtype)
    beta1, beta2, eps, t = 0.9, 0.999, 1e-8, 0
    start = time.perf_counter()
    for epoch in range(epochs):
      order = np.random.permutation(X.shape[0])
      total = 0.0
      for b0 in range(0, X.shape[0], batch):
        rows = order[b0:b0 + batch]
        xb, yb = X[rows], y[rows]
        n = xb.shape[0]
        activations = [xb]
        for W, b in zip(Ws[:-1], bs[:-1]):
          activations.append(np.maximum(0, np.dot(activations[-1], W) + b))
        scores = np.dot(activations[-1], Ws[-1]) + bs[-1]
        scores -= np.max(scores, axis=1, keepdims=True)
        exp_scores = np.exp(scores)
        probs = exp_scores / np.sum(exp_scores, axis=1, keepdims=True)
        total += np.sum(-np.log(probs[range(n), yb]))
        delta = probs
        delta[range(n), yb] -= 1
        delta /= n
        grads_W, grads_b = [None] * len(Ws), [None] * len(Ws)
        for l in range(len(Ws) - 1, -1, -1):
          grads_W[l] = np.dot(activations[l].T, delta) + reg * Ws[l]
          grads_b[l] = np.sum(delta, axis=0, keepdims=True)
          if l > 0:
            delta = np.dot(delta, Ws[l].T)
            delta[activations[l] <= 0] = 0
        t += 1
        for p, g, mi, vi in zip(params, grads_W + grads_b, m, v):
          mi *= beta1; mi += (1 - beta1) * g
          vi *= beta2; vi += (1 - beta2) * g * g
          p -= (lr / (1 - beta1 ** t)) * mi / (np.sqrt(vi / (1 - beta2 ** t)) + eps)
      print("epoch %d: loss %f" % (epoch + 1, total / X.shape[0]))
    return time.perf_counter() - start, total / X.shape[0]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("workload", choices=WORKLOADS)
    parser.add_argument("--dtype", choices=("float64", "float32"), default="float64")
    args = parser.parse_args()
    model, points, K, hidden, iterations = WORKLOADS[args.workload]
    np.random.seed(1)
    if model == "adam":
        X, y = random_data(K=K)
        seconds, loss = train_adam_epochs(X, y, K, hidden, iterations, args.dtype)
        print("final loss: %f" % loss)
        print("loop seconds: %.6f" % seconds)
        return
    if model == "deep":
        X, y = random_data(K=K)
        if points:
            X, y = X[:points], y[:points]
        seconds, loss = train_deep(X, y, K, hidden, iterations, args.dtype)
        print("final loss: %f" % loss)
        print("loop seconds: %.6f" % seconds)
        return
    X, y = spiral(points, K=K) if points else random_data(K=K)
    if model == "linear":
        seconds, loss = train_linear(X, y, K, iterations, args.dtype)
    else:
        seconds, loss = train_net(X, y, K, hidden, iterations, args.dtype)
    print("final loss: %f" % loss)
    print("loop seconds: %.6f" % seconds)


if __name__ == "__main__":
    main()
