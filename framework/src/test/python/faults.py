"""An explainer that fails in the way its first argument names, for the fault tests."""
import sys

mode = sys.argv[1]
print("faults.py starting in mode " + mode, file=sys.stderr, flush=True)  # first, before the slow imports
if mode == "silent" and len(sys.argv) > 2:  # counts its starts in the file of the second argument
    with open(sys.argv[2], "a") as starts:
        starts.write("started\n")

import os  # noqa: E402
import subprocess  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402

import bridge_path  # noqa: E402,F401
from explainunit_bridge import serve  # noqa: E402

if mode == "crash-on-start":
    print("cannot load the weights of my method", file=sys.stderr)
    sys.exit(4)
if mode == "silent":  # never answers the handshake
    time.sleep(600)
if mode == "garbage":  # writes to the real stdout before the handshake
    sys.stdout.write("Loading my explainer... done\n")
    sys.stdout.flush()
    time.sleep(600)
if mode == "wrong-protocol":
    sys.stdin.readline()
    sys.stdout.write('{"type":"hello","protocol":99,"id":"future","maxBatch":1}\n')
    sys.stdout.flush()
    time.sleep(600)
if mode == "wrong-payload":  # speaks the protocol by hand and announces one value too few
    sys.stdin.readline()
    sys.stdout.write('{"type":"hello","protocol":1,"id":"short","maxBatch":1}\n')
    sys.stdout.flush()
    sys.stdin.readline()
    sys.stdout.write('{"type":"ready","model":1}\n')
    sys.stdout.flush()
    header = sys.stdin.buffer.readline()
    sys.stdout.write('{"type":"relevance","perInput":false,"rest":false,"bytes":8}\n')
    sys.stdout.flush()
    time.sleep(600)
if mode in ("orphan", "orphan-busy"):  # starts a grandchild; orphan also ignores the goodbye
    subprocess.Popen(["sleep", "600"])


explained = []


def explain(model, x, target):
    if mode == "wrong-shape":
        return np.zeros(x.shape[0] + 1)
    if mode == "exit":
        print("explaining input of length %d, then dying" % x.shape[0])  # goes to stderr
        sys.stdout.flush()
        os._exit(7)
    if mode == "error":
        print("about to fail")
        raise ValueError("relevance undefined for target %d" % target)
    if mode == "hang":
        print("thinking forever", flush=True)
        if len(sys.argv) > 2:  # tells the test that the call is under way
            open(sys.argv[2], "w").close()
        time.sleep(600)
    if mode == "orphan-busy":  # computes forever, in Python, after telling the test it started
        open(sys.argv[2], "w").close()
        while True:
            sum(k * k for k in range(1000))
    if mode == "hang-after":  # explains the number of inputs its second argument gives, then hangs
        explained.append(x)
        if len(explained) > int(sys.argv[2]):
            time.sleep(600)
    if mode == "slow":
        time.sleep(0.5)
    return np.zeros(x.shape[0])


serve(explain, id="faults-" + mode)
if mode == "orphan":
    time.sleep(600)
