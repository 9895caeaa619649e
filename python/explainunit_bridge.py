"""The Python side of ExplainUnit's process bridge (protocol version 1).

Copy this file next to your explainer or put its folder on PYTHONPATH; it needs the standard
library and numpy only. An explainer is a script that ends with ``serve``::

    import numpy as np
    from explainunit_bridge import serve

    def explain(model, x, target):
        # model.tensors: numpy arrays by PyTorch name; model.forward(x): the outputs f(x)
        # x: the input, a T x D float64 array; target: the output index to explain
        return np.zeros(x.shape[0])          # relevance of shape (T,) or (T, D)

    serve(explain, id="zeros")

``explain`` returns the relevance as an array of shape (T,) (one value per step) or (T, D) (one
per input; the step value is the row sum), or, for a method that conserves the output, a dict
``{"relevance": r, "rest": float}`` where rest is the relevance left on biases and the initial
state (Σ_t R_t + rest = f_target(x)). ``explain_batch(model, xs, targets)``, if given, explains a
list of inputs at once (for vectorised methods) and returns a list of such results; without it the
bridge calls ``explain`` once per input.

From ``serve`` on, stdout belongs to the protocol: ``print`` and anything written to file
descriptor 1 (also by C extensions and child processes) goes to stderr, which ExplainUnit quotes
when something fails. Print nothing to stdout before calling ``serve``.

When stdin ends without a goodbye, ExplainUnit is gone (killed, crashed, or its test JVM was
stopped): ``serve`` notices it on a thread of its own, also while ``explain`` is running, kills
the processes this process started (and theirs) and exits with code 0.

The protocol is described in ExplainUnit's src/docs/process-protocol.md.
"""

import json
import os
import queue
import signal
import subprocess
import sys
import threading
import traceback

import numpy as np

PROTOCOL = 1

_DTYPES = {"F64": "<f8", "F32": "<f4"}


def read_safetensors(path):
    """The tensors of a safetensors file as a dict of float64 numpy arrays by name.

    Layout: an 8-byte little-endian unsigned header length N, N bytes of JSON header
    ({name: {"dtype": "F64"|"F32", "shape": [...], "data_offsets": [begin, end]}, optional
    "__metadata__"}), then the raw little-endian data, offsets counted from its start.
    """
    with open(path, "rb") as f:
        blob = f.read()
    if len(blob) < 8:
        raise ValueError("%s: %d bytes, too short for a safetensors header length" % (path, len(blob)))
    n = int.from_bytes(blob[:8], "little")
    if n > len(blob) - 8:
        raise ValueError("%s: header length %d exceeds the file (%d bytes)" % (path, n, len(blob)))
    header = json.loads(blob[8:8 + n].decode("utf-8"))
    data = memoryview(blob)[8 + n:]
    tensors = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        dtype = _DTYPES.get(info["dtype"])
        if dtype is None:
            raise ValueError("%s: tensor %s has dtype %s; only F64 and F32 are read"
                             % (path, name, info["dtype"]))
        begin, end = info["data_offsets"]
        array = np.frombuffer(data[begin:end], dtype=dtype).astype(np.float64)
        tensors[name] = array.reshape(info["shape"])
    return tensors


def _sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class Model:
    """An ExplainUnit model: L recurrent layers of one cell kind (PyTorch nn.LSTM or nn.GRU layout,
    uni- or bidirectional) and a linear output layer on the last layer's final state.

    ``tensors`` holds the arrays by their PyTorch names under the recurrent member's prefix
    (``member``: ``lstm``, ``gru`` or ``rnn``): ``{member}.weight_ih_l{k}`` (GH x D for layer 0,
    GH x F above it, F = H or 2H bidirectional), ``{member}.weight_hh_l{k}`` (GH x H),
    ``{member}.bias_ih_l{k}``, ``{member}.bias_hh_l{k}`` (GH; zeros when the file has none), the
    same with ``_reverse`` for a bidirectional model, ``fc.weight`` (C x F) and ``fc.bias`` (C;
    zeros when absent). G = 4 for an LSTM (row blocks i, f, g, o), 3 for a GRU (r, z, n); ``cell``
    is "lstm" or "gru". ``path`` is the safetensors file the model came from (e.g. for
    ``safetensors.torch.load_file``), valid while the explainer runs.
    """

    def __init__(self, tensors, path=None):
        self.path = path
        t = dict(tensors)
        members = sorted({name.split(".")[0] for name in t if "_l0" in name})
        if len(members) != 1:
            raise ValueError("a model holds one recurrent member (lstm, gru or rnn), found %s" % members)
        self.member = members[0]
        prefix = self.member + "."
        recurrent = t[prefix + "weight_hh_l0"]
        self.hidden_size = recurrent.shape[1]
        self.cell = "lstm" if recurrent.shape[0] == 4 * self.hidden_size else "gru"
        self.layers = 1
        while prefix + "weight_ih_l%d" % self.layers in t:
            self.layers += 1
        self.bidirectional = prefix + "weight_ih_l0_reverse" in t
        for k in range(self.layers):
            for suffix in ("_l%d" % k, "_l%d_reverse" % k) if self.bidirectional else ("_l%d" % k,):
                rows = t[prefix + "weight_ih" + suffix].shape[0]
                for name in (prefix + "bias_ih" + suffix, prefix + "bias_hh" + suffix):
                    t.setdefault(name, np.zeros(rows))
        t.setdefault("fc.bias", np.zeros(t["fc.weight"].shape[0]))
        self.tensors = t
        self.input_size = t[prefix + "weight_ih_l0"].shape[1]
        self.output_size = t["fc.weight"].shape[0]

    def states(self, x, reverse=False, layer=0):
        """Hidden states of one direction of one layer reading x: x is (T, D_k) or (N, T, D_k), the
        layer's input (the model's input for layer 0, ``layer_output`` of the layer below above it);
        returns (T, H) or (N, T, H). The reverse direction reads x_T .. x_1; its row s is the state
        after reading x_{T-1-s}. h_0 = c_0 = 0.

        LSTM: [i, f, g, o] = blocks of W_ih x_t + b_ih + W_hh h_{t-1} + b_hh through sigmoid,
        sigmoid, tanh, sigmoid; c_t = f*c_{t-1} + i*g; h_t = o*tanh(c_t).
        GRU: r, z = sigmoid of their blocks of W_ih x_t + b_ih + W_hh h_{t-1} + b_hh;
        n = tanh(W_in x_t + b_in + r*(W_hn h_{t-1} + b_hn)); h_t = (1 - z)*n + z*h_{t-1}.
        """
        suffix = "_l%d%s" % (layer, "_reverse" if reverse else "")
        t = self.tensors
        prefix = self.member + "."
        w_ih, w_hh = t[prefix + "weight_ih" + suffix], t[prefix + "weight_hh" + suffix]
        b_ih, b_hh = t[prefix + "bias_ih" + suffix], t[prefix + "bias_hh" + suffix]
        x = np.asarray(x, dtype=np.float64)
        steps = x.shape[-2]
        hidden = w_hh.shape[1]
        h = np.zeros(x.shape[:-2] + (hidden,))
        c = np.zeros_like(h)
        out = np.empty(x.shape[:-2] + (steps, hidden))
        for s in range(steps):
            xt = x[..., steps - 1 - s, :] if reverse else x[..., s, :]
            p = xt @ w_ih.T + b_ih
            q = h @ w_hh.T + b_hh
            if self.cell == "lstm":
                z = p + q
                i = _sigmoid(z[..., :hidden])
                f = _sigmoid(z[..., hidden:2 * hidden])
                g = np.tanh(z[..., 2 * hidden:3 * hidden])
                o = _sigmoid(z[..., 3 * hidden:])
                c = f * c + i * g
                h = o * np.tanh(c)
            else:
                r = _sigmoid(p[..., :hidden] + q[..., :hidden])
                u = _sigmoid(p[..., hidden:2 * hidden] + q[..., hidden:2 * hidden])
                n = np.tanh(p[..., 2 * hidden:] + r * q[..., 2 * hidden:])
                h = (1 - u) * n + u * h
            out[..., s, :] = h
        return out

    def layer_output(self, x, layer):
        """The output sequence of ``layer`` (0 reads x, (T, D) or (N, T, D)): (T, F) or (N, T, F),
        row t = [forward h_t, reverse state after reading x_T .. x_t]."""
        below = np.asarray(x, dtype=np.float64)
        for k in range(layer + 1):
            forward = self.states(below, layer=k)
            if self.bidirectional:
                backward = self.states(below, reverse=True, layer=k)[..., ::-1, :]
                below = np.concatenate([forward, backward], axis=-1)
            else:
                below = forward
        return below

    def forward(self, x):
        """The outputs f(x) = fc.weight h_T + fc.bias: x (T, D) gives (C,), x (N, T, D) gives (N, C).

        h_T is the last layer's final state: [forward h_T, reverse state after reading x_T .. x_1]
        for a bidirectional model.
        """
        out = self.layer_output(x, self.layers - 1)
        hidden = out.shape[-1] // 2 if self.bidirectional else out.shape[-1]
        last = out[..., -1, :hidden]
        if self.bidirectional:
            # row 0's reverse half is the reverse direction's state after reading x_T .. x_1
            last = np.concatenate([last, out[..., 0, hidden:]], axis=-1)
        return last @ self.tensors["fc.weight"].T + self.tensors["fc.bias"]


class ProtocolError(Exception):
    """The other side broke the protocol; the bridge answers with an error and stops."""


class ResultError(ValueError):
    """A result of the user's method does not fit its input; reported without a traceback."""


class _Channel:
    """Framing: a UTF-8 JSON header on one line, then ``bytes`` raw little-endian bytes."""

    def __init__(self, reader, writer):
        self.reader = reader
        self.writer = writer

    def receive(self):
        line = self.reader.readline()
        if not line:
            return None, None
        try:
            header = json.loads(line)
        except ValueError:
            raise ProtocolError("a request line is not JSON: %r" % line[:200])
        size = int(header.get("bytes", 0))
        payload = self.reader.read(size) if size else b""
        if len(payload) != size:
            raise ProtocolError("the request announced %d bytes and ended after %d" % (size, len(payload)))
        return header, payload

    def send(self, header, payload=b""):
        if payload:
            header["bytes"] = len(payload)
        self.writer.write(json.dumps(header, separators=(",", ":")).encode("utf-8") + b"\n")
        if payload:
            self.writer.write(payload)
        self.writer.flush()


def _relevance_of(result, steps, dim, index):
    """(values, per_input, rest) of one returned result, checked against the input's shape."""
    rest = None
    if isinstance(result, dict):
        if "relevance" not in result:
            raise ResultError("explain returned a dict without 'relevance' for input %d" % index)
        rest = result.get("rest")
        result = result["relevance"]
        if rest is not None:
            rest = float(rest)
    r = np.asarray(result, dtype=np.float64)
    if r.shape == (steps,):
        return r, False, rest
    if r.shape == (steps, dim):
        return r.reshape(-1), True, rest
    raise ResultError("explain returned relevance of shape %s for input %d of shape (%d, %d); expected (%d,) or (%d, %d)"
                     % (r.shape, index, steps, dim, steps, steps, dim))


def _encode_results(results, lengths, dim):
    """The payload of a relevance reply: every input's values, then the rests if any."""
    if len(results) != len(lengths):
        raise ResultError("explain_batch returned %d results for %d inputs" % (len(results), len(lengths)))
    parts = [_relevance_of(r, t, dim, k) for k, (r, t) in enumerate(zip(results, lengths))]
    per_input = {p[1] for p in parts}
    if len(per_input) > 1:
        raise ResultError("explain returned relevance of shape (T,) for some inputs and (T, D) for others in one batch;"
                         " return one form")
    has_rest = {p[2] is not None for p in parts}
    if len(has_rest) > 1:
        raise ResultError("explain returned a rest for some inputs and none for others in one batch")
    values = [p[0] for p in parts]
    rest = has_rest == {True}
    if rest:
        values.append(np.array([p[2] for p in parts], dtype=np.float64))
    payload = np.concatenate(values).astype("<f8", copy=False).tobytes() if values else b""
    return {"type": "relevance", "perInput": per_input == {True}, "rest": rest}, payload


def _descendants():
    """The process ids of this process's descendants (from /proc on Linux, else from ps)."""
    parents = {}
    try:
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    with open("/proc/%s/stat" % entry, "rb") as stat:
                        fields = stat.read().rsplit(b")", 1)[1].split()
                except OSError:  # the process has gone meanwhile
                    continue
                parents.setdefault(int(fields[1]), []).append(int(entry))
    except OSError:  # no /proc (macOS, BSD)
        listing = subprocess.run(["ps", "-A", "-o", "pid=", "-o", "ppid="], capture_output=True, text=True).stdout
        for line in listing.splitlines():
            pid, ppid = (int(word) for word in line.split())
            parents.setdefault(ppid, []).append(pid)
    found = []
    pending = [os.getpid()]
    while pending:
        for child in parents.get(pending.pop(), []):
            found.append(child)
            pending.append(child)
    return found


def _exit_with_children():
    """ExplainUnit has gone: kills the processes this one started, with their descendants, and exits 0."""
    try:
        sys.stderr.flush()
    except Exception:
        pass
    if os.name == "nt":
        subprocess.run(["taskkill", "/F", "/T", "/PID", str(os.getpid())], capture_output=True)
    else:
        try:
            children = _descendants()
        except Exception:  # nothing to list them with: exit all the same
            children = []
        for pid in children:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:  # gone already
                pass
    os._exit(0)


class _Requests:
    """Reads the requests on a thread of its own, so that the end of stdin is noticed at once, also
    while the user's method is running: stdin that ends without a goodbye means ExplainUnit is gone
    (killed, crashed), and the explainer exits with the processes it started."""

    def __init__(self, channel):
        self.channel = channel
        self.inbox = queue.SimpleQueue()
        threading.Thread(target=self._read, name="explainunit-requests", daemon=True).start()

    def _read(self):
        while True:
            try:
                header, payload = self.channel.receive()
            except OSError:  # stdin broke: as its end
                header = None
            except ProtocolError as error:
                self.inbox.put(error)
                return
            except Exception as error:  # e.g. a "bytes" that is no number
                self.inbox.put(ProtocolError("a request could not be read: %s: %s" % (type(error).__name__, error)))
                return
            if header is None:
                _exit_with_children()
            if not isinstance(header, dict):
                self.inbox.put(ProtocolError("a request line is not a JSON object: %r" % (header,)))
                return
            self.inbox.put((header, payload))
            if header.get("type") == "bye":
                return

    def receive(self):
        """The next request (header, payload) in order; raises ProtocolError for a malformed one."""
        item = self.inbox.get()
        if isinstance(item, ProtocolError):
            raise item
        return item


_BRIDGE_FILE = os.path.abspath(__file__)


def _user_traceback(error):
    """The traceback of the user's error from the user's first frame on: the bridge's own frames above
    it (reading the request, calling explain) are never the user's code. All of it when the error
    arose in the bridge itself."""
    tb = error.__traceback__
    while tb is not None and os.path.abspath(tb.tb_frame.f_code.co_filename) == _BRIDGE_FILE:
        tb = tb.tb_next
    return "".join(traceback.format_exception(type(error), error, tb if tb is not None else error.__traceback__))


class _Server:

    def __init__(self, channel, requests, explain, explain_batch):
        self.channel = channel
        self.requests = requests
        self.explain = explain
        self.explain_batch = explain_batch
        self.models = {}

    def answer(self, header, payload):
        kind = header.get("type")
        if kind == "model":
            self.models[header["model"]] = Model(read_safetensors(header["path"]), header["path"])
            return {"type": "ready", "model": header["model"]}, b""
        if kind == "explain":
            return self.explain_request(header, payload)
        raise ProtocolError("unknown request type %r" % (kind,))

    def explain_request(self, header, payload):
        model = self.models.get(header["model"])
        if model is None:
            raise ProtocolError("explain refers to model %r, which was never sent" % (header["model"],))
        lengths = header["lengths"]
        targets = header["targets"]
        dim = int(header["dim"])
        values = np.frombuffer(payload, dtype="<f8")
        if values.size != dim * sum(lengths) or len(targets) != len(lengths):
            raise ProtocolError("explain announced %d inputs of %d values, got %d values and %d targets"
                                % (len(lengths), dim * sum(lengths), values.size, len(targets)))
        inputs = []
        at = 0
        for steps in lengths:
            x = values[at:at + steps * dim].reshape(steps, dim).copy()
            x.flags.writeable = False
            inputs.append(x)
            at += steps * dim
        if self.explain_batch is not None:
            results = self.explain_batch(model, inputs, list(targets))
        else:
            results = [self.explain(model, x, c) for x, c in zip(inputs, targets)]
        return _encode_results(list(results), lengths, dim)

    def run(self):
        while True:
            header, payload = self.requests.receive()
            if header.get("type") == "bye":
                return
            try:
                reply, data = self.answer(header, payload)
            except ProtocolError:
                raise
            except Exception as error:  # the user's exception becomes an error reply; the bridge goes on
                message = "%s: %s" % (type(error).__name__, error)
                if isinstance(error, ResultError):
                    message = str(error)
                self.channel.send({"type": "error", "error": message,
                                   "detail": "" if isinstance(error, ResultError) else _user_traceback(error)})
                continue
            self.channel.send(reply, data)


def _handshake(channel, requests, id, max_batch, regression, classification):
    header, _ = requests.receive()
    if header.get("type") != "hello" or header.get("protocol") != PROTOCOL:
        channel.send({"type": "error", "error": "this bridge speaks protocol %d; the request was %s"
                      % (PROTOCOL, json.dumps(header))})
        return False
    channel.send({"type": "hello", "protocol": PROTOCOL, "id": id, "maxBatch": max_batch,
                  "regression": regression, "classification": classification})
    return True


def serve(explain, id, explain_batch=None, max_batch=1000, regression=True, classification=True):
    """Answers ExplainUnit's requests on stdin/stdout until it says goodbye, then returns.

    When stdin ends without a goodbye (ExplainUnit is gone), the process exits at once with code 0,
    also while explain runs, after killing the processes it started.

    explain(model, x, target) explains one input; explain_batch(model, xs, targets), if given,
    a list of them (each x a read-only T x D float64 array). id names the explainer in reports.
    max_batch is the most inputs one request may carry; regression and classification say which
    models the method applies to (one output, or two and more).
    """
    if explain is None and explain_batch is None:
        raise ValueError("serve needs explain or explain_batch")
    protocol_out = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    sys.stdout.flush()
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())  # fd 1 (C code, child processes) now goes to stderr
    sys.stdout = sys.stderr
    channel = _Channel(sys.stdin.buffer, protocol_out)
    requests = _Requests(channel)
    try:
        if _handshake(channel, requests, id, int(max_batch), bool(regression), bool(classification)):
            _Server(channel, requests, explain, explain_batch).run()
    except ProtocolError as error:
        channel.send({"type": "error", "error": "protocol error: %s" % error})
        sys.exit(3)
    except (BrokenPipeError, KeyboardInterrupt):
        pass
