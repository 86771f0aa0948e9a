"""The program's printed lines, buffered on the Python side.

Every call from Python into JavaScript costs microseconds, and a training loop prints a line
every step: `print` appends the line's parts here, and they cross to the console together —
with the next `sess.run` of a prepared call shape (the same crossing, see session.py), or
through `flush()` before anything else that can write to the console (a general run, any
engine call, `sys.stdout`/`sys.stderr` writes, the end of the program), or when the buffer
is full, so a loop that only prints still reaches the console every millisecond or so.

The encoding (read by the bridge's `printBatch`): per line a header `count + 32 * mask`,
then `count` parts, each a string, a Python int (as a number) or, where the mask's bit is
set, a float32 value (a number the console formats as numpy prints a float32).
"""
import _tfjs as B

# Flat parts of the lines not yet sent (a list shared by reference: never rebound).
pending = []
LIMIT = 768
_batch = B.printBatch


def flush():
    """Sends the buffered lines to the console (in order, before whatever comes next)."""
    if pending:
        try:
            _batch(*pending)
        finally:
            pending.clear()
