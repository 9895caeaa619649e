"""Gradient x input written from the LSTM equations with numpy, independently of ExplainUnit's Java code.

R_{t,d} = df_c/dx_{t,d} * x_{t,d}, the gradient by backpropagation through time:
  h_t = o_t tanh(c_t), c_t = f_t c_{t-1} + i_t g_t, gates from z_t = W_ih x_t + W_hh h_{t-1} + b.
"""
import numpy as np

import bridge_path  # noqa: F401
from explainunit_bridge import serve


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def direction_gradient(tensors, suffix, x, w_out):
    """d(w_out . h_T)/dx for one direction reading the rows of x in order."""
    w_ih = tensors["lstm.weight_ih" + suffix]
    w_hh = tensors["lstm.weight_hh" + suffix]
    b = tensors["lstm.bias_ih" + suffix] + tensors["lstm.bias_hh" + suffix]
    hidden = w_hh.shape[1]
    steps = x.shape[0]
    h = np.zeros(hidden)
    c = np.zeros(hidden)
    record = []
    for t in range(steps):
        z = w_ih @ x[t] + w_hh @ h + b
        i, f = sigmoid(z[:hidden]), sigmoid(z[hidden:2 * hidden])
        g, o = np.tanh(z[2 * hidden:3 * hidden]), sigmoid(z[3 * hidden:])
        c_prev = c
        c = f * c_prev + i * g
        tc = np.tanh(c)
        h = o * tc
        record.append((i, f, g, o, c_prev, tc))
    grad = np.zeros_like(x)
    dh = w_out.copy()
    dc = np.zeros(hidden)
    for t in reversed(range(steps)):
        i, f, g, o, c_prev, tc = record[t]
        dc = dc + dh * o * (1 - tc * tc)
        dz = np.concatenate([dc * g * i * (1 - i), dc * c_prev * f * (1 - f), dc * i * (1 - g * g), dh * tc * o * (1 - o)])
        grad[t] = w_ih.T @ dz
        dh = w_hh.T @ dz
        dc = dc * f
    return grad


def explain(model, x, target):
    t = model.tensors
    hidden = model.hidden_size
    w = t["fc.weight"][target]
    grad = direction_gradient(t, "_l0", x, w[:hidden])
    if model.bidirectional:
        grad += direction_gradient(t, "_l0_reverse", x[::-1], w[hidden:])[::-1]
    return grad * x


serve(explain, id="numpy-gradient-x-input")
