"""Occlusion f-diff with the bridge's numpy forward pass: R_t = f_c(x) - f_c(x with x_t = 0)."""
import numpy as np

import bridge_path  # noqa: F401
from explainunit_bridge import serve


def explain(model, x, target):
    steps = x.shape[0]
    occluded = np.repeat(x[None, :, :], steps, axis=0)
    occluded[np.arange(steps), np.arange(steps), :] = 0.0
    return model.forward(x)[target] - model.forward(occluded)[:, target]


serve(explain, id="numpy-occlusion-f-diff")
