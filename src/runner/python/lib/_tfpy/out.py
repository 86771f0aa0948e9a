"""The program's printed lines on their way to the console.

`print` encodes a line's parts here and sends them at once (one crossing into JavaScript per
line, numbers as numbers). Holding lines back to send them with the next `sess.run` saved a
few percent of a training loop, but a program that prints and then loops forever in plain
Python makes no crossing until Stop ends its worker, and would lose those lines; so nothing
is held back. `flush()` still runs before every engine call, run and stream write, so the
order of the console's lines is the program's whatever the print path does.

The encoding (read by the bridge's `printBatch`): per line a header `count + 32 * mask`,
then `count` parts, each a string, a Python int (as a number) or, where the mask's bit is
set, a float32 value (a number the console formats as numpy prints a float32).
"""
import _tfjs as B

# Flat parts of the lines not yet sent (a list shared by reference: never rebound).
pending = []
_batch = B.printBatch


def flush():
    """Sends the buffered lines to the console (in order, before whatever comes next)."""
    if pending:
        try:
            _batch(*pending)
        finally:
            pending.clear()
