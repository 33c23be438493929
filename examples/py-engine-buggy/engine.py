#!/usr/bin/env python3
"""examples/py-engine with one injected ordering bug: completion callbacks run from the
hard-IRQ handler (ctx "hardirq") instead of the tasklet, which breaks rule CB-1.
Certifying it must fail with CB-1:
    dmacheck certify --impl-cmd "python3 examples/py-engine-buggy/engine.py"
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "py-engine"))
import engine  # noqa: E402  (the correct engine; only the flag differs)

if __name__ == "__main__":
    sys.exit(engine.main(["--bug", "cb-hardirq"]))
