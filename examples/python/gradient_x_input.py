"""Gradient x input in numpy, a faithful explainer for ExplainUnit's process bridge.

    R_{t,d} = df_c/dx_{t,d}(x) * x_{t,d}      (Arras et al. 2019, section 2.1)

The gradient comes from backpropagation through time of the LSTM
    z_t = W_ih x_t + W_hh h_{t-1} + b,  [i, f, g, o] = [sigmoid, sigmoid, tanh, sigmoid](z_t),
    c_t = f c_{t-1} + i g,  h_t = o tanh(c_t),  f(x) = W_fc h_T + b_fc,
vectorised over all inputs of a batch that have the same length.

Run it with  python3 examples/python/gradient_x_input.py  (it speaks the protocol on stdin and
stdout; ExplainUnit starts it with ProcessExplainer.of("python3", "examples/python/gradient_x_input.py")).
"""
import os
import sys

import numpy as np

# explainunit_bridge.py lives in the repository's python/ folder; copy it or put it on PYTHONPATH.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "python"))
from explainunit_bridge import serve  # noqa: E402


def _sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def input_gradient(model, suffix, x, w_out):
    """d(w_out . h_T)/dx for one direction reading x (N, T, D) in order; w_out is (N, H)."""
    t = model.tensors
    w_ih, w_hh = t["lstm.weight_ih" + suffix], t["lstm.weight_hh" + suffix]
    bias = t["lstm.bias_ih" + suffix] + t["lstm.bias_hh" + suffix]
    n, steps, _ = x.shape
    hidden = w_hh.shape[1]
    h = np.zeros((n, hidden))
    c = np.zeros((n, hidden))
    saved = []
    for s in range(steps):
        z = x[:, s] @ w_ih.T + h @ w_hh.T + bias
        i, f = _sigmoid(z[:, :hidden]), _sigmoid(z[:, hidden:2 * hidden])
        g, o = np.tanh(z[:, 2 * hidden:3 * hidden]), _sigmoid(z[:, 3 * hidden:])
        c_prev, c = c, f * c + i * g
        tanh_c = np.tanh(c)
        h = o * tanh_c
        saved.append((i, f, g, o, c_prev, tanh_c))
    gradient = np.empty_like(x)
    dh = w_out
    dc = np.zeros((n, hidden))
    for s in reversed(range(steps)):
        i, f, g, o, c_prev, tanh_c = saved[s]
        dc = dc + dh * o * (1 - tanh_c * tanh_c)
        dz = np.concatenate([dc * g * i * (1 - i), dc * c_prev * f * (1 - f),
                             dc * i * (1 - g * g), dh * tanh_c * o * (1 - o)], axis=1)
        gradient[:, s] = dz @ w_ih
        dh = dz @ w_hh
        dc = dc * f
    return gradient


def gradient_x_input(model, x, targets):
    """Relevance (N, T, D) of inputs x (N, T, D) for outputs targets (N,)."""
    hidden = model.hidden_size
    w = model.tensors["fc.weight"][targets]
    gradient = input_gradient(model, "_l0", x, w[:, :hidden])
    if model.bidirectional:
        gradient += input_gradient(model, "_l0_reverse", x[:, ::-1], w[:, hidden:])[:, ::-1]
    return gradient * x


def explain_batch(model, xs, targets):
    """Explains inputs grouped by length, each group in one vectorised pass."""
    results = [None] * len(xs)
    by_length = {}
    for k, x in enumerate(xs):
        by_length.setdefault(x.shape[0], []).append(k)
    for indices in by_length.values():
        relevance = gradient_x_input(model, np.stack([xs[k] for k in indices]), np.array([targets[k] for k in indices]))
        for row, k in enumerate(indices):
            results[k] = relevance[row]
    return results


def explain(model, x, target):
    return explain_batch(model, [x], [target])[0]


if __name__ == "__main__":
    serve(explain, id="numpy-gradient-x-input", explain_batch=explain_batch)
