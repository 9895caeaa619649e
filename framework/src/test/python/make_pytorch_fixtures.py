"""Makes the PyTorch reference fixtures for stacked and bidirectional LSTMs and GRUs.

What it makes: under framework/src/test/resources/pytorch/, one folder per fixture model with
  model.safetensors  the module's state_dict() with PyTorch's own names (embedding.weight,
                     lstm.weight_ih_l0, gru.bias_hh_l1_reverse, fc.weight, ...), all F64
  expected.json      the model's shape (cell, layers, bidirectional, hidden, ...) and its
                     answers on five input sequences of lengths 1, 2, 3, 5, 7, as lists indexed
                     like "inputs": logits, target (argmax), the input gradient of logits[target]
                     by autograd, the occlusion differences (each row set to zero, module run
                     again), the final state fc reads (PyTorch's h_n of the last layer,
                     [h_n[-2], h_n[-1]] when bidirectional) and every layer's output sequence;
                     plus a finite-difference check of the gradients and a check of the cell
                     equations of DESIGN.md ("Recurrent layers and cells") against PyTorch's
                     layer outputs (see README.md next to the fixtures)
  vocab.txt          (embedding models only) the tokens w0..w19, line i is token id i

How to run it (from the repository root; needs PyTorch and numpy, e.g. Debian's python3-torch):
  /usr/bin/python3 framework/src/test/python/make_pytorch_fixtures.py

Everything is float64, seeded and deterministic. The fixtures are committed, so the Java tests
that compare against them need no PyTorch; run this script again only to change or add a
fixture (rerunning it with the same PyTorch version rewrites the same bytes).
"""
import json
import math
import os
import struct
import sys

import numpy as np
import torch
from torch import nn

torch.set_default_dtype(torch.float64)

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "pytorch")
# After PyTorch's default initialisation every parameter of the recurrent layers and of fc is
# multiplied by SCALE, so that gates saturate somewhat (about a fifth to two fifths of the sigmoid
# gate values outside [0.1, 0.9]) and the fixtures are not near-linear. The embedding keeps its
# N(0, 1) rows: embedded inputs are then distributed as the other fixtures' N(0, 1) inputs.
SCALE = 3.0
LENGTHS = [1, 2, 3, 5, 7]  # one input sequence of each length per fixture
CANDIDATES = 20  # random inputs drawn per length, see make()
FD_STEP = 1e-6  # central differences: (f(x + h e) - f(x - h e)) / 2h


class Model(nn.Module):
    """[embedding] -> LSTM or GRU (member `lstm`, `gru` or `rnn`) -> fc on the final state h_n."""

    def __init__(self, cell, input_size, hidden, layers, bidirectional, classes,
                 member=None, vocab=None, bias=True, fc_bias=True):
        super().__init__()
        if vocab is not None:
            self.embedding = nn.Embedding(vocab, input_size)
        rnn = nn.LSTM if cell == "lstm" else nn.GRU
        self.member = member or cell
        setattr(self, self.member, rnn(input_size, hidden, num_layers=layers,
                                       bidirectional=bidirectional, bias=bias))
        self.fc = nn.Linear(hidden * (2 if bidirectional else 1), classes, bias=fc_bias)

    def final_state(self, x):  # x: T x D (embedded rows for an embedding model)
        rnn = getattr(self, self.member)
        _, h_n = rnn(x.unsqueeze(1))  # seq-first, batch of one
        if isinstance(h_n, tuple):  # LSTM: (h_n, c_n)
            h_n = h_n[0]
        h_n = h_n[:, 0, :]  # (layers * directions) x H
        return torch.cat([h_n[-2], h_n[-1]]) if rnn.bidirectional else h_n[-1]

    def forward(self, x):  # x: T x D, or T token ids for an embedding model
        if hasattr(self, "embedding") and x.dtype == torch.long:
            x = self.embedding(x)
        return self.fc(self.final_state(x))


# name, seed, Model arguments, description. Where the first seed tried (101, 102, ...) gave one
# target for every input of a classifier, the seed was moved on by 100s until the targets varied.
FIXTURES = [
    ("lstm2-bi", 201, dict(cell="lstm", input_size=3, hidden=4, layers=2, bidirectional=True, classes=5),
     "nn.LSTM(3, 4, num_layers=2, bidirectional=True), fc 8 -> 5"),
    ("lstm2-uni", 102, dict(cell="lstm", input_size=3, hidden=2, layers=2, bidirectional=False, classes=1,
                            fc_bias=False),
     "nn.LSTM(3, 2, num_layers=2), fc 2 -> 1 without bias (regression)"),
    ("lstm1-bi", 103, dict(cell="lstm", input_size=3, hidden=4, layers=1, bidirectional=True, classes=3),
     "nn.LSTM(3, 4, bidirectional=True), fc 8 -> 3"),
    ("gru1-uni", 104, dict(cell="gru", input_size=2, hidden=3, layers=1, bidirectional=False, classes=1),
     "nn.GRU(2, 3), fc 3 -> 1"),
    ("gru1-bi", 105, dict(cell="gru", input_size=3, hidden=4, layers=1, bidirectional=True, classes=3),
     "nn.GRU(3, 4, bidirectional=True), fc 8 -> 3"),
    ("gru2-bi", 106, dict(cell="gru", input_size=3, hidden=4, layers=2, bidirectional=True, classes=5),
     "nn.GRU(3, 4, num_layers=2, bidirectional=True), fc 8 -> 5"),
    ("gru2-uni-rnn", 207, dict(cell="gru", input_size=2, hidden=3, layers=2, bidirectional=False, classes=2,
                               member="rnn"),
     "nn.GRU(2, 3, num_layers=2) under the member name rnn, fc 3 -> 2"),
    ("gru1-nobias", 308, dict(cell="gru", input_size=2, hidden=3, layers=1, bidirectional=False, classes=2,
                              bias=False),
     "nn.GRU(2, 3, bias=False) (no GRU biases in the file), fc 3 -> 2"),
    ("embedding-lstm2-bi", 209, dict(cell="lstm", input_size=6, hidden=5, layers=2, bidirectional=True,
                                     classes=5, vocab=20),
     "nn.Embedding(20, 6), nn.LSTM(6, 5, num_layers=2, bidirectional=True), fc 10 -> 5"),
    ("embedding-gru1-bi", 110, dict(cell="gru", input_size=6, hidden=5, layers=1, bidirectional=True,
                                    classes=5, vocab=20),
     "nn.Embedding(20, 6), nn.GRU(6, 5, bidirectional=True), fc 10 -> 5"),
]


# ---------------------------------------------------------------------------------------------
# safetensors, written with the standard library (the safetensors package is not needed)

def write_safetensors(path, tensors):
    """tensors: (name, float64 numpy array) in order; data packed without gaps in that order."""
    header = {"__metadata__": {"format": "pt"}}
    offset = 0
    blobs = []
    for name, array in tensors:
        blob = np.ascontiguousarray(array, dtype="<f8").tobytes()
        header[name] = {"dtype": "F64", "shape": list(array.shape), "data_offsets": [offset, offset + len(blob)]}
        offset += len(blob)
        blobs.append(blob)
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * (-len(text) % 8)  # pad with spaces so that the data is 8-byte aligned
    with open(path, "wb") as out:
        out.write(struct.pack("<Q", len(text)))
        out.write(text)
        for blob in blobs:
            out.write(blob)


def read_safetensors(path):
    with open(path, "rb") as f:
        data = f.read()
    n = struct.unpack("<Q", data[:8])[0]
    header = json.loads(data[8:8 + n].decode("utf-8"))
    body = data[8 + n:]
    tensors = {}
    for name, entry in header.items():
        if name == "__metadata__":
            continue
        begin, end = entry["data_offsets"]
        assert entry["dtype"] == "F64"
        tensors[name] = np.frombuffer(body[begin:end], dtype="<f8").reshape(entry["shape"])
    assert sum(a.nbytes for a in tensors.values()) == len(body), path
    return tensors


# ---------------------------------------------------------------------------------------------
# JSON: full double precision (repr), rows of numbers on one line

def to_json(value, indent=0):
    pad = "  " * indent
    if isinstance(value, dict):
        items = [pad + "  " + json.dumps(k) + ": " + to_json(v, indent + 1) for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(value, list):
        if all(not isinstance(v, (list, dict)) for v in value):
            return "[" + ", ".join(to_json(v) for v in value) + "]"
        return "[\n" + ",\n".join(pad + "  " + to_json(v, indent + 1) for v in value) + "\n" + pad + "]"
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError("non-finite number %r" % value)
        return repr(value)
    return json.dumps(value)


def rows(t):
    return [[float(v) for v in row] for row in t.detach().numpy()]


def vector(t):
    return [float(v) for v in t.detach().numpy()]


# ---------------------------------------------------------------------------------------------
# per-layer outputs and an independent implementation of the cell equations

def layer_modules(rnn):
    """One single-layer module per layer of rnn, holding that layer's weights."""
    kind = nn.LSTM if isinstance(rnn, nn.LSTM) else nn.GRU
    directions = 2 if rnn.bidirectional else 1
    modules = []
    for k in range(rnn.num_layers):
        width = rnn.input_size if k == 0 else rnn.hidden_size * directions
        single = kind(width, rnn.hidden_size, num_layers=1, bidirectional=rnn.bidirectional, bias=rnn.bias)
        source = dict(rnn.named_parameters())
        with torch.no_grad():
            for name, p in single.named_parameters():
                p.copy_(source[name.replace("_l0", "_l%d" % k)])
        modules.append(single)
    return modules


def sigmoid(a):
    return 1.0 / (1.0 + np.exp(-a))


def numpy_layer(cell, params, k, suffix, xs, gate_values):
    """One direction of layer k by the equations of DESIGN.md, over the rows xs in the given order;
    appends the sigmoid gates' values to gate_values."""
    w_ih = params["weight_ih_l%d%s" % (k, suffix)]
    w_hh = params["weight_hh_l%d%s" % (k, suffix)]
    hidden = w_hh.shape[1]
    b_ih = params.get("bias_ih_l%d%s" % (k, suffix), np.zeros(w_ih.shape[0]))
    b_hh = params.get("bias_hh_l%d%s" % (k, suffix), np.zeros(w_hh.shape[0]))
    h = np.zeros(hidden)
    c = np.zeros(hidden)
    out = []
    for x in xs:
        if cell == "lstm":  # row blocks i, f, g, o
            z = w_ih @ x + b_ih + w_hh @ h + b_hh
            i, f, g, o = (z[j * hidden:(j + 1) * hidden] for j in range(4))
            i, f, o = sigmoid(i), sigmoid(f), sigmoid(o)
            c = f * c + i * np.tanh(g)
            h = o * np.tanh(c)
            gate_values.append(np.concatenate([i, f, o]))
        else:  # row blocks r, z, n
            gi = w_ih @ x + b_ih
            gh = w_hh @ h + b_hh
            r = sigmoid(gi[:hidden] + gh[:hidden])
            u = sigmoid(gi[hidden:2 * hidden] + gh[hidden:2 * hidden])
            n = np.tanh(gi[2 * hidden:] + r * gh[2 * hidden:])
            h = (1 - u) * n + u * h
            gate_values.append(np.concatenate([r, u]))
        out.append(h)
    return np.array(out)


def numpy_layers(cell, rnn, x, gate_values):
    params = {name: p.detach().numpy() for name, p in rnn.named_parameters()}
    outputs = []
    for k in range(rnn.num_layers):
        forward = numpy_layer(cell, params, k, "", x, gate_values)
        if rnn.bidirectional:
            backward = numpy_layer(cell, params, k, "_reverse", x[::-1], gate_values)[::-1]
            forward = np.concatenate([forward, backward], axis=1)
        outputs.append(forward)
        x = forward
    return outputs


# ---------------------------------------------------------------------------------------------

def make(name, seed, args, description):
    folder = os.path.join(OUT, name)
    os.makedirs(folder, exist_ok=True)
    torch.manual_seed(seed)
    model = Model(**args)
    with torch.no_grad():
        for parameter_name, p in model.named_parameters():
            if not parameter_name.startswith("embedding."):
                p.mul_(SCALE)
    model.eval()
    rnn = getattr(model, model.member)
    embedded = hasattr(model, "embedding")

    state = model.state_dict()
    names = [n for n in state]
    write_safetensors(os.path.join(folder, "model.safetensors"),
                      [(n, state[n].detach().numpy()) for n in names])
    back = read_safetensors(os.path.join(folder, "model.safetensors"))
    assert list(back) == names
    for n in names:
        assert np.array_equal(back[n], state[n].numpy()), n
    if embedded:
        with open(os.path.join(folder, "vocab.txt"), "w", encoding="utf-8", newline="\n") as f:
            f.write("".join("w%d\n" % i for i in range(args["vocab"])))

    generator = torch.Generator().manual_seed(seed * 1000)
    per_input = {key: [] for key in ("tokens", "inputs", "logits", "target", "input_gradient",
                                     "occlusion_f_diff", "final_state", "layer_outputs")}
    fd_abs = fd_rel = fd_vec = eq_abs = 0.0
    gate_values = []
    for length in LENGTHS:
        # Up to CANDIDATES random inputs of this length; the first whose target is not yet among
        # the fixture's targets is kept (else the first), so that the targets vary where they can.
        candidates = []
        for _ in range(CANDIDATES):
            if embedded:
                tokens = torch.randint(0, args["vocab"], (length,), generator=generator)
                x = model.embedding(tokens).detach()
                assert torch.equal(model(tokens), model(x))
            else:
                tokens = None
                x = torch.randn(length, args["input_size"], generator=generator)
            candidates.append((tokens, x))
        with torch.no_grad():
            fresh = [c for c in candidates if int(torch.argmax(model(c[1]))) not in per_input["target"]]
        tokens, x = (fresh or candidates)[0]
        if embedded:
            per_input["tokens"].append([int(t) for t in tokens])
        x = x.clone().requires_grad_(True)
        logits = model(x)
        target = int(torch.argmax(logits))
        (gradient,) = torch.autograd.grad(logits[target], x)
        final = model.final_state(x)

        with torch.no_grad():
            def f(v):
                return float(model(v)[target])

            occlusion = []
            for t in range(length):
                occluded = x.detach().clone()
                occluded[t] = 0.0
                occlusion.append(f(x.detach()) - f(occluded))

            numeric = torch.zeros_like(x)
            for t in range(length):
                for d in range(x.shape[1]):
                    plus = x.detach().clone()
                    minus = x.detach().clone()
                    plus[t, d] += FD_STEP
                    minus[t, d] -= FD_STEP
                    numeric[t, d] = (f(plus) - f(minus)) / (2 * FD_STEP)
            a, n = gradient.numpy(), numeric.numpy()
            diff = np.abs(a - n)
            fd_abs = max(fd_abs, float(diff.max()))
            fd_rel = max(fd_rel, float((diff / np.maximum(np.maximum(np.abs(a), np.abs(n)), 1e-8)).max()))
            fd_vec = max(fd_vec, float(diff.max() / np.abs(a).max()))

            # every layer's output, from single-layer modules chained by hand
            layers = []
            h = x.detach()
            for single in layer_modules(rnn):
                h, _ = single(h.unsqueeze(1))
                h = h[:, 0, :]
                layers.append(h)
            output, _ = rnn(x.detach().unsqueeze(1))
            assert torch.allclose(layers[-1], output[:, 0, :], rtol=0, atol=1e-14), name
            hidden = rnn.hidden_size
            expected_final = torch.cat([layers[-1][-1, :hidden], layers[-1][0, hidden:]]) \
                if rnn.bidirectional else layers[-1][-1]
            assert torch.allclose(final, expected_final, rtol=0, atol=1e-14), name
            mine = numpy_layers(args["cell"], rnn, x.detach().numpy(), gate_values)
            for m, theirs in zip(mine, layers):
                eq_abs = max(eq_abs, float(np.abs(m - theirs.numpy()).max()))

        per_input["inputs"].append(rows(x))
        per_input["logits"].append(vector(logits))
        per_input["target"].append(target)
        per_input["input_gradient"].append(rows(gradient))
        per_input["occlusion_f_diff"].append(occlusion)
        per_input["final_state"].append(vector(final))
        per_input["layer_outputs"].append([rows(l) for l in layers])

    assert fd_vec < 1e-7, (name, fd_vec)
    assert eq_abs < 1e-13, (name, eq_abs)
    if not embedded:
        del per_input["tokens"]

    expected = {
        "description": description + "; module Model of make_pytorch_fixtures.py, PyTorch's default"
                       " initialisation (seed %d), then every parameter but the embedding x%g" % (seed, SCALE),
        "cell": args["cell"],
        "member": model.member,
        "layers": rnn.num_layers,
        "bidirectional": rnn.bidirectional,
        "input_size": rnn.input_size,
        "hidden": rnn.hidden_size,
        "classes": model.fc.out_features,
        "rnn_bias": rnn.bias,
        "fc_bias": model.fc.bias is not None,
    }
    if embedded:
        expected["vocab_size"] = args["vocab"]
    expected.update({
        "tensors": {n: list(state[n].shape) for n in names},
        "pytorch": torch.__version__,
        "gradient_check": {
            "method": "central differences of logits[target] in every input coordinate of every input, step %g"
                      % FD_STEP,
            "max_abs_diff": fd_abs,
            "max_rel_diff": fd_vec,
            "max_rel_diff_definition": "max over inputs of max|autograd - fd| / max|autograd|",
            "max_elementwise_rel_diff": fd_rel,
            "max_elementwise_rel_diff_definition": "|autograd - fd| / max(|autograd|, |fd|, 1e-8)",
        },
        "equation_check": {
            "method": "every layer's output recomputed with numpy from the equations of DESIGN.md"
                      " (LSTM row blocks i, f, g, o; GRU r, z, n) and the file's tensors",
            "max_abs_diff": eq_abs,
        },
    })
    expected.update(per_input)
    with open(os.path.join(folder, "expected.json"), "w", encoding="utf-8", newline="\n") as f:
        f.write(to_json(expected) + "\n")
    gate_values = np.concatenate(gate_values)
    largest = max(float(p.abs().max()) for p in model.parameters())
    logit_range = max(max(abs(v) for v in l) for l in per_input["logits"])
    print("%-20s params %4d  max |param| %.2f  max |logit| %.2f"
          "  fd max rel %.1e (elementwise %.1e, abs %.1e)  equations %.1e"
          "  gates outside [0.1, 0.9]: %.0f%%"
          % (name, sum(p.numel() for p in model.parameters()), largest, logit_range, fd_vec, fd_rel, fd_abs, eq_abs,
             100 * float(((gate_values < 0.1) | (gate_values > 0.9)).mean())))


def main():
    print("PyTorch %s, numpy %s" % (torch.__version__, np.__version__))
    torch.use_deterministic_algorithms(True)
    for name, seed, args, description in FIXTURES:
        make(name, seed, args, description)
    return 0


if __name__ == "__main__":
    sys.exit(main())
