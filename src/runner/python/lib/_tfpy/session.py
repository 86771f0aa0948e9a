"""tf.Session as a Python class (`with tf.Session() as sess:`, `sess.run(...)`), and how
fetched values and feeds cross: results come back in the structure of the fetches, as numpy
scalars and arrays."""
import sys

import _tfjs as B
from _tfpy import convert as C
from _tfpy import out as O
from _tfpy import tensors as T
from _tfpy import values as V
from _tfpy.wrappers import PROGRAM_FILE, Block, JsObject, learner_line

JsException = C.JsException
to_js = C.to_js


class Session(JsObject):
    """tf.Session: runs parts of a graph and holds the variables' values."""

    __slots__ = ("_block", "_memo")

    def __new__(cls, *args, **kwargs):
        return C.call(B.tf.Session, args, kwargs)

    @classmethod
    def _wrap(cls, js):
        o = object.__new__(cls)
        o._js = js
        o._block = None
        o._memo = {}
        return o

    def run(self, fetches, feed_dict=None, options=None, run_metadata=None):
        """Runs the graph for `fetches` and returns their values in the same structure."""
        f = sys._getframe(1)
        line = f.f_lineno if f.f_code.co_filename == PROGRAM_FILE else learner_line()
        t = type(fetches)
        # A training loop calls with the same fetches and feed keys every step: the call shape
        # is prepared once (prepared_run), then each step is one call into the engine.
        if t is list or t is tuple:
            fkey = tuple(map(id, fetches))
        elif t is T.Tensor or t is T.Variable or t is T.Operation:
            fkey = id(fetches)
        else:
            fkey = None
        if fkey is not None and (feed_dict is None or type(feed_dict) is dict):
            key = (t, fkey, tuple(map(id, feed_dict)) if feed_dict else ())
            p = self._memo.get(key)
            if p is None:
                p = self._prepare(key, fetches, feed_dict)
            if p is not False:
                js, dts, pick, ops = p
                if feed_dict:
                    vals = [v if type(v) is float else to_js(v) for v in feed_dict.values()]
                else:
                    vals = ()
                if O.pending:
                    O.flush()
                try:
                    r = js(line, *vals)
                except JsException as e:
                    raise C.py_error(e) from None
                if pick == -1:
                    return result_value(r, dts)
                if pick >= 0:
                    v = result_value(r, dts[pick])
                    out = [None] * len(dts)
                    out[pick] = v
                else:
                    r = r.to_py(depth=1)
                    out = [result_value(v, dt) for v, dt in zip(r, dts)]
                return out if t is list else tuple(out)
        return self._run_general(line, fetches, feed_dict)

    def _prepare(self, key, fetches, feed_dict):
        """Prepares a call shape whose fetches are graph elements (False: not one)."""
        if type(fetches) in (list, tuple):
            for x in fetches:
                if type(x) not in (T.Tensor, T.Variable, T.Operation):
                    self._memo[key] = False
                    return False
            dts = [dtype_name(x) for x in fetches]
            values = [i for i, x in enumerate(fetches) if type(x) is not T.Operation]
            pick = values[0] if len(values) == 1 else -2
            js_fetches = B.arr(*[x._js for x in fetches])
        else:
            dts = dtype_name(fetches)
            pick = -1
            js_fetches = fetches._js
        keys = list(feed_dict) if feed_dict else []
        p = (B.prepare(self._js, js_fetches, B.arr(*[to_js(k) for k in keys]), pick), dts, pick, (fetches, keys))
        self._memo[key] = p
        return p

    def _run_general(self, line, fetches, feed_dict):
        feed = feed_js(feed_dict) if feed_dict is not None else None
        leaves = []
        shape = _flatten(fetches, leaves)
        O.flush()
        try:
            r = B.run(self._js, line, B.arr(*[to_js(x) for x in leaves]), feed)
        except JsException as e:
            raise C.py_error(e) from None
        vals = [result_value(v, dtype_name(x, self)) for v, x in zip(r, leaves)]
        return _rebuild(shape, iter(vals))

    def as_default(self):
        return Block(self._js, "as_default", [])

    def __enter__(self):
        try:
            self._block = B.enterSession(self._js)
        except JsException as e:
            raise C.py_error(e) from None
        return self

    def __exit__(self, *exc):
        if self._block is not None:
            B.exit(self._block)
            self._block = None
        self._js.close()
        return False

    def __eq__(self, o):
        return self is o

    def __hash__(self):
        return id(self)


def dtype_name(x, sess=None):
    """The base dtype name of what a fetch leaf yields (None for an operation)."""
    dt = getattr(x, "_dt", None)
    if dt is not None:
        return dt
    t = type(x)
    if t is T.Tensor or t is T.Variable:
        dt = x._js.dtype.base_dtype.name
        x._dt = dt
        return dt
    if t is str and sess is not None:
        try:
            el = C.from_js(sess._js.graph.as_graph_element(x))
        except Exception:
            return None
        return dtype_name(el)
    return None


def result_value(v, dt):
    """A fetched value as numpy gives it: a numpy scalar, an ndarray, or None for an op."""
    t = type(v)
    if t is float or t is int or t is bool:
        # Most fetches (a loss, a step) are plain numbers: no isinstance on Pyodide's proxy
        # class, whose metaclass check costs a microsecond.
        return V.scalar(v, dt)
    if isinstance(v, C.JsProxy):
        if C._kind(v) == C.K_NDARRAY:
            return V.ndarray._wrap(v)
        return C.from_js(v)
    if v is None or v is C.jsnull:
        return None
    return V.scalar(v, dt)


def feed_js(feed_dict):
    """A feed_dict for the engine: keys (tensors, names) to values."""
    if feed_dict is None:
        return C.jsnull
    if not isinstance(feed_dict, dict):
        raise TypeError("The value of a feed must be a dict, got %s" % type(feed_dict).__name__)
    kv = []
    for k, v in feed_dict.items():
        kv.append(C.to_js(k))
        t = type(v)
        kv.append(v if t is float or t is int else C.to_js(v))
    return B.feed(*kv)


class _Shape:
    __slots__ = ("kind", "items", "cls")

    def __init__(self, kind, items, cls=None):
        self.kind = kind
        self.items = items
        self.cls = cls


def _flatten(f, leaves):
    if isinstance(f, dict):
        return _Shape("dict", [(k, _flatten(v, leaves)) for k, v in f.items()], type(f))
    if isinstance(f, tuple) and hasattr(f, "_fields"):
        return _Shape("namedtuple", [_flatten(v, leaves) for v in f], type(f))
    if isinstance(f, (list, tuple)):
        return _Shape("list" if isinstance(f, list) else "tuple", [_flatten(v, leaves) for v in f])
    leaves.append(f)
    return None


def _rebuild(shape, it):
    if shape is None:
        return next(it)
    if shape.kind == "dict":
        return shape.cls((k, _rebuild(s, it)) for k, s in shape.items)
    if shape.kind == "namedtuple":
        return shape.cls(*[_rebuild(s, it) for s in shape.items])
    out = [_rebuild(s, it) for s in shape.items]
    return out if shape.kind == "list" else tuple(out)


C.WRAPPERS[C.K_SESSION] = Session
