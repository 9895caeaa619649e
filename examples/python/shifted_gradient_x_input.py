"""A deliberately broken explainer: gradient x input, each step's relevance moved to the next step.

Every relevance is finite and there is one per step, so it keeps the contract, but the relevance of
the two relevant positions lands on their neighbours: the ground-truth correlation and relevant-mass
checks must fail it. Run it with  python3 examples/python/shifted_gradient_x_input.py
"""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gradient_x_input import explain_batch as faithful_batch, serve  # noqa: E402


def explain_batch(model, xs, targets):
    return [np.roll(r.sum(axis=1), 1) for r in faithful_batch(model, xs, targets)]


def explain(model, x, target):
    return explain_batch(model, [x], [target])[0]


if __name__ == "__main__":
    serve(explain, id="shifted-gradient-x-input", explain_batch=explain_batch)
