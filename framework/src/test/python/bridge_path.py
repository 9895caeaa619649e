"""Puts the repository's python/ folder (explainunit_bridge) on the import path of the test explainers."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "..", "python"))
