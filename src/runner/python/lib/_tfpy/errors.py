"""`tf.errors`: TF's run-time errors as Python exception classes, and the engine's errors in
Python's own classes (a JavaScript `ValueError` from the engine is Python's `ValueError`)."""
import builtins


class OpError(Exception):
    """A failed TensorFlow operation (TF's `tf.errors.OpError`)."""

    error_code = 2

    def __init__(self, node_def=None, op=None, message="", error_code=None):
        super().__init__(message)
        self._message = message
        self._node_def = node_def
        self._op = op
        if error_code is not None:
            self.error_code = error_code

    @property
    def message(self):
        return self._message

    @property
    def op(self):
        return self._op

    @property
    def node_def(self):
        return self._node_def

    def __str__(self):
        return self._message


_CODES = [
    ("CancelledError", 1),
    ("UnknownError", 2),
    ("InvalidArgumentError", 3),
    ("DeadlineExceededError", 4),
    ("NotFoundError", 5),
    ("AlreadyExistsError", 6),
    ("PermissionDeniedError", 7),
    ("ResourceExhaustedError", 8),
    ("FailedPreconditionError", 9),
    ("AbortedError", 10),
    ("OutOfRangeError", 11),
    ("UnimplementedError", 12),
    ("InternalError", 13),
    ("UnavailableError", 14),
    ("DataLossError", 15),
    ("UnauthenticatedError", 16),
]

CLASSES = {"OpError": OpError}
for _name, _code in _CODES:
    CLASSES[_name] = type(_name, (OpError,), {"error_code": _code, "__module__": "tensorflow.python.framework.errors_impl"})
OpError.__module__ = "tensorflow.python.framework.errors_impl"
globals().update(CLASSES)

# Error-code constants, as tf.errors has them (tf.errors.INVALID_ARGUMENT == 3).
CODES = {"OK": 0}
for _name, _code in _CODES:
    CODES[
        {
            "CancelledError": "CANCELLED",
            "UnknownError": "UNKNOWN",
            "InvalidArgumentError": "INVALID_ARGUMENT",
            "DeadlineExceededError": "DEADLINE_EXCEEDED",
            "NotFoundError": "NOT_FOUND",
            "AlreadyExistsError": "ALREADY_EXISTS",
            "PermissionDeniedError": "PERMISSION_DENIED",
            "ResourceExhaustedError": "RESOURCE_EXHAUSTED",
            "FailedPreconditionError": "FAILED_PRECONDITION",
            "AbortedError": "ABORTED",
            "OutOfRangeError": "OUT_OF_RANGE",
            "UnimplementedError": "UNIMPLEMENTED",
            "InternalError": "INTERNAL",
            "UnavailableError": "UNAVAILABLE",
            "DataLossError": "DATA_LOSS",
            "UnauthenticatedError": "UNAUTHENTICATED",
        }[_name]
    ] = _code

# The engine's Python-named errors and the Python classes they are.
_BUILTIN = {
    "ValueError": ValueError,
    "TypeError": TypeError,
    "KeyError": KeyError,
    "IndexError": IndexError,
    "LookupError": LookupError,
    "RuntimeError": RuntimeError,
    "NotImplementedError": NotImplementedError,
    "AttributeError": AttributeError,
    "ZeroDivisionError": ZeroDivisionError,
    "AssertionError": AssertionError,
    "RangeError": MemoryError,
    "RecursionError": RecursionError,
    "MemoryError": MemoryError,
}


class EngineError(Exception):
    """An engine error without a Python class of its own (shown with the engine's name)."""


def from_fields(fields):
    """The Python exception for the engine error described by [name, message, op, code]."""
    name, message, op, code = fields[0], fields[1], fields[2], fields[3]
    cls = CLASSES.get(name)
    if cls is not None:
        return cls(None, op, message, code)
    if name == "KeyError" and len(message) > 1 and message[0] == message[-1] == '"':
        message = message[1:-1]
    b = _BUILTIN.get(name)
    if b is not None:
        return b(message)
    if message.startswith("AssertionError: "):
        return AssertionError(message[len("AssertionError: "):])
    e = type(name, (EngineError,), {"__module__": "builtins"})(message)
    return e
