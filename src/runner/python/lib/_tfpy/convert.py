"""Values crossing between Python and the engine (JavaScript, reached through the bridge `_tfjs`).

Python values go to the engine as the TypeScript dialect writes them (None is null, a whole
float is a boxed PyFloat so `tf.constant(2.0)` is float32, keyword arguments are one trailing
plain object, a dict is a Map); engine objects come back wrapped in the classes of
`_tfpy.wrappers`, one wrapper per engine object so that `is`, `==` and dict keys work.
Engine errors come back as the Python exception classes of `_tfpy.errors`.
"""
from pyodide.ffi import JsProxy, JsException, jsnull

import _tfjs as B
from _tfpy import errors as _errors
from _tfpy import out as _out

KIND = B.KIND
K_TENSOR = KIND.tensor
K_OPERATION = KIND.operation
K_VARIABLE = KIND.variable
K_NDARRAY = KIND.ndarray
K_DTYPE = KIND.dtype
K_GRAPH = KIND.graph
K_SESSION = KIND.session
K_FUNCTION = KIND.function
K_ARRAY = KIND.array
K_MAP = KIND.map
K_PYFLOAT = KIND.pyfloat
K_PLAIN = KIND.plain
K_BYTES = KIND.bytes
K_NAMEDTUPLE = KIND.namedtuple

# TF 1.x's names for the namedtuples its ops return, by their fields (engine/api/named_tuple.ts
# keeps only the fields): `TopKV2(values=..., indices=...)`.
_TUPLE_NAMES = {
    ("values", "indices"): ("TopKV2", "tensorflow.python.ops.gen_nn_ops"),
    ("y", "idx"): ("Unique", "tensorflow.python.ops.gen_array_ops"),
    ("y", "idx", "count"): ("UniqueWithCounts", "tensorflow.python.ops.gen_array_ops"),
}
_tuple_classes = {}


def _tuple_class(fields):
    cls = _tuple_classes.get(fields)
    if cls is None:
        import collections

        name, module = _TUPLE_NAMES.get(fields, ("Result", "tensorflow"))
        cls = collections.namedtuple(name, fields, module=module)
        _tuple_classes[fields] = cls
    return cls

_kind = B.kind
_arr = B.arr
_kw = B.kw
_map = B.map
_dict = B.dict
_float = B.float

# Wrapper classes by kind, filled in by _tfpy.wrappers (which imports this module).
WRAPPERS = {}
# One wrapper per engine object: js_id -> wrapper.
_cache = {}
# Python callables handed to the engine, kept alive for the run.
_kept = []


def to_js(v):
    """The engine's view of a Python value."""
    t = type(v)
    if t is int or t is str or t is bool:
        return v
    if t is float:
        return _float(v) if v.is_integer() else v
    if t is bytes:
        # The engine keeps a string tensor's elements as text (their UTF-8 bytes are what TF
        # holds); bytes that are not UTF-8 keep their other bytes as U+FFFD.
        return v.decode("utf-8", "replace")
    if v is None:
        return jsnull
    if t is type:
        conv = getattr(v, "__tfjs_type__", None)
        if conv is not None:
            return conv()
    js = getattr(v, "_js", None)
    if js is not None:
        return js
    if t is list or t is tuple:
        return _arr(*[to_js(x) for x in v])
    if t is dict:
        kv = []
        for k, x in v.items():
            kv.append(to_js(k))
            kv.append(to_js(x))
        # String keys: a plain object, as the dialect writes a dict (tf.data's structures);
        # other keys (tensors: tf.case's pairs) need a Map.
        return _dict(*kv) if all(type(k) is str for k in v) else _map(*kv)
    if isinstance(v, float):  # numpy-like float scalars
        f = float(v)
        return _float(f) if f.is_integer() else f
    if isinstance(v, bool):
        return bool(v)
    if isinstance(v, int):
        return int(v)
    if isinstance(v, (list, tuple)):
        return _arr(*[to_js(x) for x in v])
    conv = getattr(v, "__tfjs__", None)
    if conv is not None:
        return conv()
    if isinstance(v, slice):
        return B.pyslice(to_js(v.start), to_js(v.stop), to_js(v.step))
    if v is Ellipsis:
        return "..."
    if isinstance(v, range):
        return _arr(*list(v))
    if isinstance(v, (bytes, bytearray)):
        return bytes(v).decode("utf-8", "replace")
    if callable(v):
        return _callback(v)
    if isinstance(v, JsProxy):
        return v
    raise TypeError("Failed to convert object of type %s to Tensor. Contents: %r. Consider casting elements to a supported type." % (type(v), v))


# The exception a Python callback raised while the engine called it (see `guarded`).
_pending = []


def guarded(f):
    """`f` as a JavaScript function for the engine to call, raising nothing into JavaScript.

    A Python exception that crosses into JavaScript makes Pyodide format it and, in some
    paths, print it to the program's stderr even when the program catches it later. So the
    exception is kept here, the engine gets a marker error (the bridge's `guard`), and the
    exception is raised again as it was (its traceback kept) where the engine call returns to
    Python (`py_error`).
    """
    from pyodide.ffi import create_proxy

    failed = B.FAILED

    def call(*args):
        try:
            return f(*args)
        except BaseException as e:
            _pending[:] = [e]
            return failed

    p = create_proxy(call)
    _kept.append(p)
    return B.guard(p)


def _callback(f):
    """A Python callable the engine will call (an initializer, a custom function)."""
    return guarded(lambda *args: to_js(f(*[from_js(a) for a in args])))


def kwargs_js(kwargs):
    """A plain object of keyword arguments (the dialect's trailing options object)."""
    kv = []
    for k, x in kwargs.items():
        kv.append(k)
        kv.append(to_js(x))
    return _kw(*kv)


def args_js(args, kwargs):
    out = [to_js(a) for a in args]
    if kwargs:
        out.append(kwargs_js(kwargs))
    return out


def from_js(v):
    """The Python view of an engine value."""
    if not isinstance(v, JsProxy):
        if v is jsnull:
            return None
        return v
    key = v.js_id
    w = _cache.get(key)
    if w is not None:
        return w
    k = _kind(v)
    if k == K_NDARRAY:
        # Arrays are values, not graph elements: no identity to keep (and a loop makes many).
        return WRAPPERS[k]._wrap(v)
    cls = WRAPPERS.get(k)
    if cls is not None:
        w = cls._wrap(v)
        _cache[key] = w
        return w
    if k == K_ARRAY:
        return [from_js(x) for x in v]
    if k == K_PLAIN:
        # A plain object from the engine is a dict in the dialect (tf.data's dict elements,
        # `output_types`); namespaces (`tf.train`) never get here (wrappers.Namespace).
        return {name: from_js(getattr(v, name)) for name in B.keys(v)}
    if k == K_NAMEDTUPLE:
        return _tuple_class(tuple(B.tupleFields(v)))(*[from_js(x) for x in v])
    if k == K_MAP:
        return {from_js(a): from_js(b) for a, b in v.entries()}
    if k == K_PYFLOAT:
        return float(v.valueOf())
    if k == K_BYTES:
        # TF 1.x on Python 3: a string tensor's value is bytes (`b'Hello, TensorFlow!'`).
        return v.text.encode("utf-8")
    if k == K_FUNCTION:
        w = WRAPPERS["function"]._wrap(v)
        _cache[key] = w
        return w
    w = WRAPPERS["object"]._wrap(v)
    _cache[key] = w
    return w


def call(f, args, kwargs):
    """Calls the engine function `f` with Python's arguments; errors become Python's."""
    if _out.pending:
        _out.flush()  # what was printed before comes before anything the call writes
    try:
        return from_js(f(*args_js(args, kwargs)))
    except JsException as e:
        raise py_error(e) from None


def py_error(e):
    """The Python exception for an engine error (a JsException): the program's own exception
    when a Python callback raised it (see `guarded`), else TF's error class."""
    if _pending and B.isCallbackFailure(e.js_error):
        p = _pending.pop()
        _pending.clear()
        return p
    return _errors.from_fields(B.errorFields(e))
