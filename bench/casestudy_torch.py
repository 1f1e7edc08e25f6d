"""The case study's code (see casestudy_numpy.py) with PyTorch tensors in float32, for bench/compare.

Usage: python3 casestudy_torch.py WORKLOAD

Data and initial parameters come from casestudy_numpy.py's NumPy code, then every step of the
loop is the same NumPy line written with torch operations. No autograd: the gradients are the
course's hand-written ones. The last line printed is "loop seconds: S".
"""
import argparse
import time

import numpy as np
import torch

from casestudy_numpy import WORKLOADS, random_data, spiral


def train_linear(X, y, K, iterations):
    D = X.shape[1]
    W = torch.from_numpy(0.01 * np.random.randn(D,K)).float()
    b = torch.zeros((1,K))
    X, y = torch.from_numpy(X).float(), torch.from_numpy(y).long()
    step_size = 1e-0
    reg = 1e-3

    start = time.perf_counter()
    num_examples = X.shape[0]
    rows = torch.arange(num_examples)
    for i in range(iterations):
      scores = X @ W + b
      exp_scores = torch.exp(scores)
      probs = exp_scores / exp_scores.sum(dim=1, keepdim=True)
      correct_logprobs = -torch.log(probs[rows,y])
      data_loss = correct_logprobs.sum()/num_examples
      reg_loss = 0.5*reg*(W*W).sum()
      loss = (data_loss + reg_loss).item()
      if i % 10 == 0:
        print("iteration %d: loss %f" % (i, loss))
      dscores = probs
      dscores[rows,y] -= 1
      dscores /= num_examples
      dW = X.T @ dscores
      db = dscores.sum(dim=0, keepdim=True)
      dW += reg*W
      W += -step_size * dW
      b += -step_size * db
    return time.perf_counter() - start, loss


def train_net(X, y, K, h, iterations):
    D = X.shape[1]
    W = torch.from_numpy(0.01 * np.random.randn(D,h)).float()
    b = torch.zeros((1,h))
    W2 = torch.from_numpy(0.01 * np.random.randn(h,K)).float()
    b2 = torch.zeros((1,K))
    X, y = torch.from_numpy(X).float(), torch.from_numpy(y).long()
    step_size = 1e-0
    reg = 1e-3

    start = time.perf_counter()
    num_examples = X.shape[0]
    rows = torch.arange(num_examples)
    for i in range(iterations):
      hidden_layer = torch.clamp(X @ W + b, min=0)
      scores = hidden_layer @ W2 + b2
      exp_scores = torch.exp(scores)
      probs = exp_scores / exp_scores.sum(dim=1, keepdim=True)
      correct_logprobs = -torch.log(probs[rows,y])
      data_loss = correct_logprobs.sum()/num_examples
      reg_loss = 0.5*reg*(W*W).sum() + 0.5*reg*(W2*W2).sum()
      loss = (data_loss + reg_loss).item()
      if i % 1000 == 0:
        print("iteration %d: loss %f" % (i, loss))
      dscores = probs
      dscores[rows,y] -= 1
      dscores /= num_examples
      dW2 = hidden_layer.T @ dscores
      db2 = dscores.sum(dim=0, keepdim=True)
      dhidden = dscores @ W2.T
      dhidden[hidden_layer <= 0] = 0
      dW = X.T @ dhidden
      db = dhidden.sum(dim=0, keepdim=True)
      dW2 += reg * W2
      dW += reg * W
      W += -step_size * dW
      b += -step_size * db
      W2 += -step_size * dW2
      b2 += -step_size * db2
    return time.perf_counter() - start, loss


def train_deep(X, y, K, hidden, iterations):
    """casestudy_numpy.train_deep with torch tensors."""
    sizes = [X.shape[1]] + list(hidden) + [K]
    Ws = [torch.from_numpy(np.random.randn(a, b) * np.sqrt(2.0 / a)).float() for a, b in zip(sizes[:-1], sizes[1:])]
    bs = [torch.zeros((1, b)) for b in sizes[1:]]
    X, y = torch.from_numpy(X).float(), torch.from_numpy(y).long()
    step_size, reg = 1e-1, 1e-3
    start = time.perf_counter()
    num_examples = X.shape[0]
    rows = torch.arange(num_examples)
    for i in range(iterations):
      activations = [X]
      for W, b in zip(Ws[:-1], bs[:-1]):
        activations.append(torch.clamp(activations[-1] @ W + b, min=0))
      scores = activations[-1] @ Ws[-1] + bs[-1]
      scores -= scores.max(dim=1, keepdim=True).values
      exp_scores = torch.exp(scores)
      probs = exp_scores / exp_scores.sum(dim=1, keepdim=True)
      data_loss = (-torch.log(probs[rows, y])).sum() / num_examples
      loss = (data_loss + sum(0.5 * reg * (W * W).sum() for W in Ws)).item()
      if i % 1000 == 0:
        print("iteration %d: loss %f" % (i, loss))
      delta = probs
      delta[rows, y] -= 1
      delta /= num_examples
      for l in range(len(Ws) - 1, -1, -1):
        dW = activations[l].T @ delta + reg * Ws[l]
        db = delta.sum(dim=0, keepdim=True)
        if l > 0:
          delta = delta @ Ws[l].T
          delta[activations[l] <= 0] = 0
        Ws[l] += -step_size * dW
        bs[l] += -step_size * db
    return time.perf_counter() - start, loss


def train_adam_epochs(X, y, K, hidden, epochs, batch=128, lr=1e-3, reg=1e-3):
    """torch.optim.Adam with autograd on the same network, loss (L2 on weights) and batches."""
    sizes = [X.shape[1]] + list(hidden) + [K]
    layers = []
    for a, b in zip(sizes[:-1], sizes[1:]):
        linear = torch.nn.Linear(a, b)
        with torch.no_grad():
            linear.weight.copy_(torch.from_numpy(np.random.randn(a, b).T * np.sqrt(2.0 / a)).float())
            linear.bias.zero_()
        layers += [linear, torch.nn.ReLU()]
    model = torch.nn.Sequential(*layers[:-1])
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    loss_fn = torch.nn.CrossEntropyLoss()
    X, y = torch.from_numpy(X).float(), torch.from_numpy(y).long()
    weights = [m.weight for m in model if isinstance(m, torch.nn.Linear)]
    start = time.perf_counter()
    for epoch in range(epochs):
        order = torch.from_numpy(np.random.permutation(X.shape[0]))
        total = 0.0
        for b0 in range(0, X.shape[0], batch):
            rows = order[b0:b0 + batch]
            optimizer.zero_grad()
            data_loss = loss_fn(model(X[rows]), y[rows])
            loss = data_loss + 0.5 * reg * sum((w * w).sum() for w in weights)
            loss.backward()
            optimizer.step()
            total += data_loss.item() * len(rows)
        print("epoch %d: loss %f" % (epoch + 1, total / X.shape[0]))
    return time.perf_counter() - start, total / X.shape[0]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("workload", choices=WORKLOADS)
    parser.add_argument("--threads", type=int, help="torch.set_num_threads (default: PyTorch's own choice)")
    args = parser.parse_args()
    if args.threads:
        torch.set_num_threads(args.threads)
    model, points, K, hidden, iterations = WORKLOADS[args.workload]
    np.random.seed(1)
    if model == "adam":
        X, y = random_data(K=K)
        seconds, loss = train_adam_epochs(X, y, K, hidden, iterations)
        print("final loss: %f" % loss)
        print("loop seconds: %.6f" % seconds)
        return
    if model == "deep":
        X, y = random_data(K=K)
        if points:
            X, y = X[:points], y[:points]
        seconds, loss = train_deep(X, y, K, hidden, iterations)
        print("final loss: %f" % loss)
        print("loop seconds: %.6f" % seconds)
        return
    X, y = spiral(points, K=K) if points else random_data(K=K)
    if model == "linear":
        seconds, loss = train_linear(X, y, K, iterations)
    else:
        seconds, loss = train_net(X, y, K, hidden, iterations)
    print("final loss: %f" % loss)
    print("loop seconds: %.6f" % seconds)


if __name__ == "__main__":
    main()
