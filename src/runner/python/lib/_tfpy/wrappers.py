"""Python classes around the engine's objects: tensors with Python's operators, sessions with
`with` and `run`, graphs, operations, dtypes, and a generic wrapper for everything else."""
import sys

import _tfjs as B
from _tfpy import convert as C
from _tfpy import values as V

PROGRAM_FILE = "main.py"
JsException = C.JsException
to_js = C.to_js


def learner_line():
    """The learner's line the current call came from (the innermost frame of the program)."""
    f = sys._getframe(1)
    while f is not None:
        if f.f_code.co_filename == PROGRAM_FILE:
            return f.f_lineno
        f = f.f_back
    return None


class JsObject:
    """Any engine object: attributes, methods and printing are the engine's."""

    __slots__ = ("_js", "__weakref__")
    _pyname = "object"

    @classmethod
    def _wrap(cls, js):
        o = object.__new__(cls)
        o._js = js
        return o

    def __getattr__(self, name):
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        try:
            v = getattr(self._js, name)
        except AttributeError:
            raise AttributeError("'%s' object has no attribute '%s'" % (type(self).__name__, name)) from None
        except JsException as e:
            raise C.py_error(e) from None
        if isinstance(v, C.JsProxy) and C._kind(v) == C.K_FUNCTION:
            return Method(v, name)
        return C.from_js(v)

    def __repr__(self):
        return B.repr(self._js)

    def __str__(self):
        return B.str(self._js)

    def __getitem__(self, i):
        g = getattr(self._js, "__getitem__", None)
        if g is not None:
            return C.call(g, (i,), None)
        try:
            v = self._js.as_list()
        except Exception:
            raise TypeError("'%s' object is not subscriptable" % type(self).__name__) from None
        return C.from_js(v)[i]

    def __len__(self):
        n = getattr(self._js, "length", None)
        if n is None:
            raise TypeError("object of type '%s' has no len()" % type(self).__name__)
        return n

    def __iter__(self):
        try:
            v = self._js.as_list()
        except Exception:
            raise TypeError("'%s' object is not iterable" % type(self).__name__) from None
        return iter(C.from_js(v))

    def __eq__(self, other):
        if isinstance(other, JsObject):
            return self._js == other._js or bool(_equals(self._js, other._js))
        return NotImplemented

    def __hash__(self):
        return self._js.js_id


def _equals(a, b):
    eq = getattr(a, "equals", None)
    if eq is None:
        return False
    try:
        return eq(b)
    except Exception:
        return False


class Method:
    """A method of an engine object (already bound to it)."""

    __slots__ = ("_js", "__name__")

    def __init__(self, js, name):
        self._js = js
        self.__name__ = name

    def __call__(self, *args, **kwargs):
        return C.call(self._js, args, kwargs)

    def __repr__(self):
        return "<bound method %s>" % self.__name__


class JsFunction(JsObject):
    """A function of the tf API (or an initializer, a class the playground made callable)."""

    __slots__ = ()

    def __call__(self, *args, **kwargs):
        return C.call(self._js, args, kwargs)

    def __getattr__(self, name):
        if name == "__name__":
            return self._js.name
        return JsObject.__getattr__(self, name)

    def __repr__(self):
        try:
            return B.repr(self._js)
        except Exception:
            return "<function %s>" % self._js.name


class Namespace(JsObject):
    """A module of the tf API (`tf.train`, `tf.nn`): members wrapped on first use."""

    __slots__ = ("_name", "_members")

    @classmethod
    def make(cls, js, name):
        o = cls._wrap(js)
        o._name = name
        o._members = {}
        return o

    def __getattr__(self, name):
        m = self._members.get(name)
        if m is not None:
            return m
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        try:
            v = getattr(self._js, name)
        except AttributeError:
            raise AttributeError("module '%s' has no attribute '%s'" % (self._name, name)) from None
        if isinstance(v, C.JsProxy) and C._kind(v) == C.K_PLAIN:
            w = Namespace.make(v, self._name + "." + name)
        else:
            w = C.from_js(v)
        self._members[name] = w
        return w

    def __setattr__(self, name, value):
        if name in Namespace.__slots__ or name in JsObject.__slots__:
            object.__setattr__(self, name, value)
        else:
            self._members[name] = value

    def __dir__(self):
        return sorted(set(self._members) | set(B.keys(self._js)))

    def __repr__(self):
        return "<module '%s'>" % self._name

    __str__ = __repr__


# ---- with blocks ----


class Block:
    """A `with` block of the dialect (`tf.name_scope(...)`), entered and exited by Python."""

    __slots__ = ("_obj", "_name", "_args", "_entered")

    def __init__(self, obj, name, args):
        self._obj = obj
        self._name = name
        self._args = args
        self._entered = None

    def __enter__(self):
        try:
            self._entered = B.enter(self._obj, self._name, *self._args)
        except JsException as e:
            raise C.py_error(e) from None
        return C.from_js(B.entered(self._entered))

    def __exit__(self, *exc):
        if self._entered is not None:
            B.exit(self._entered)
            self._entered = None
        return False


def block(obj, name, args, kwargs):
    return Block(obj, name, C.args_js(args, kwargs))


# ---- tensors ----


def _op(name, a, b):
    try:
        return C.from_js(getattr(B.ops, name)(C.to_js(a), C.to_js(b)))
    except JsException as e:
        raise C.py_error(e) from None


def _tf(name, *args):
    try:
        return C.from_js(getattr(B.tf, name)(*[C.to_js(a) for a in args]))
    except JsException as e:
        raise C.py_error(e) from None


class TensorOps:
    """Python's operators on tensors and variables, building TF's ops (`a + b` is `add`)."""

    __slots__ = ()
    __array_priority__ = 100

    def __add__(self, o): return _op("add", self, o)
    def __radd__(self, o): return _op("add", o, self)
    def __sub__(self, o): return _op("sub", self, o)
    def __rsub__(self, o): return _op("sub", o, self)
    def __mul__(self, o): return _op("mul", self, o)
    def __rmul__(self, o): return _op("mul", o, self)
    def __truediv__(self, o): return _op("truediv", self, o)
    def __rtruediv__(self, o): return _op("truediv", o, self)
    def __mod__(self, o): return _op("mod", self, o)
    def __rmod__(self, o): return _op("mod", o, self)
    def __pow__(self, o): return _op("pow", self, o)
    def __rpow__(self, o): return _op("pow", o, self)
    def __lt__(self, o): return _op("lt", self, o)
    def __le__(self, o): return _op("le", self, o)
    def __gt__(self, o): return _op("gt", self, o)
    def __ge__(self, o): return _op("ge", self, o)
    def __and__(self, o): return _op("and", self, o)
    def __rand__(self, o): return _op("and", o, self)
    def __or__(self, o): return _op("or", self, o)
    def __ror__(self, o): return _op("or", o, self)
    def __xor__(self, o): return _op("xor", self, o)
    def __rxor__(self, o): return _op("xor", o, self)
    def __floordiv__(self, o): return _tf("floordiv", self, o)
    def __rfloordiv__(self, o): return _tf("floordiv", o, self)
    def __matmul__(self, o): return _tf("matmul", self, o)
    def __rmatmul__(self, o): return _tf("matmul", o, self)

    def __neg__(self):
        try:
            return C.from_js(B.ops.neg(self._js))
        except JsException as e:
            raise C.py_error(e) from None

    def __invert__(self):
        try:
            return C.from_js(B.ops.invert(self._js))
        except JsException as e:
            raise C.py_error(e) from None

    def __abs__(self):
        return _tf("abs", self)

    def __pos__(self):
        return self

    def __getitem__(self, spec):
        specs = spec if isinstance(spec, tuple) else (spec,)
        try:
            return C.from_js(B.slice(self._js, C.to_js(list(specs))))
        except JsException as e:
            raise C.py_error(e) from None

    def __bool__(self):
        raise TypeError(
            "Using a `tf.Tensor` as a Python `bool` is not allowed. Use `if t is not None:` instead of "
            "`if t:` to test if a tensor is defined, and use TensorFlow ops such as tf.cond to execute "
            "subgraphs conditioned on the value of a tensor."
        )

    def __iter__(self):
        raise TypeError("Tensor objects are only iterable when eager execution is enabled. To iterate over this tensor use tf.map_fn.")

    def __len__(self):
        raise TypeError(
            "len is not well defined for symbolic Tensors. (%s) Please call `x.shape` rather than `len(x)` for shape information." % self.name
        )

    # Tensors compare by identity (TF 1.x) and are dict keys (feed_dict).
    def __eq__(self, o):
        return self is o

    def __ne__(self, o):
        return self is not o

    def __hash__(self):
        return id(self)

    def eval(self, feed_dict=None, session=None):
        line = learner_line()
        s = session._js if session is not None else B.tf.get_default_session()
        if s is None or s is C.jsnull:
            try:
                self._js.eval(feed_js(feed_dict), C.jsnull)
            except JsException as e:
                raise C.py_error(e) from None
        try:
            r = B.run(s, line, self._js, feed_js(feed_dict))
        except JsException as e:
            raise C.py_error(e) from None
        return result_value(r, dtype_name(self))


class Tensor(TensorOps, JsObject):
    """tf.Tensor: a pointer to one output of a node of the graph (it holds no value)."""

    __slots__ = ("_dt",)

    def __new__(cls, *args, **kwargs):
        raise TypeError("tf.Tensor objects are made by ops (tf.constant, tf.add, ...), not by calling tf.Tensor")

    @classmethod
    def _wrap(cls, js):
        o = object.__new__(cls)
        o._js = js
        o._dt = None
        return o


class Variable(TensorOps, JsObject):
    """tf.Variable: a node that holds a value in each session."""

    __slots__ = ("_dt",)

    def __new__(cls, *args, **kwargs):
        return C.call(B.tf.Variable, args, kwargs)

    @classmethod
    def _wrap(cls, js):
        o = object.__new__(cls)
        o._js = js
        o._dt = None
        return o

    def eval(self, session=None):
        return TensorOps.eval(self, None, session)

    def load(self, value, session=None):
        return C.call(self._js.load, (value, session), None)


class Operation(JsObject):
    """tf.Operation: a node of the graph."""

    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        raise TypeError("tf.Operation objects are made by ops, not by calling tf.Operation")

    def run(self, feed_dict=None, session=None):
        line = learner_line()
        s = session._js if session is not None else B.tf.get_default_session()
        if s is None or s is C.jsnull:
            try:
                self._js.run(feed_js(feed_dict), C.jsnull)
            except JsException as e:
                raise C.py_error(e) from None
        try:
            B.run(s, line, self._js, feed_js(feed_dict))
        except JsException as e:
            raise C.py_error(e) from None
        return None

    def __eq__(self, o):
        return self is o

    def __hash__(self):
        return id(self)


class DType(JsObject):
    """tf.DType (`tf.float32`)."""

    __slots__ = ()

    def __eq__(self, other):
        if isinstance(other, DType):
            return self._js == other._js
        name = getattr(other, "_np_name", None) or (other if isinstance(other, str) else None)
        if name is None and isinstance(other, V.dtype):
            name = other.name
        return name is not None and self._js.base_dtype.name == name and self._js == self._js.base_dtype

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return hash(self._js.name)

    @property
    def as_numpy_dtype(self):
        return V.SCALAR_TYPES.get(self._js.base_dtype.name)


class Graph(JsObject):
    """tf.Graph."""

    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        return C.call(B.tf.Graph, args, kwargs)

    def as_default(self):
        return Block(self._js, "as_default", [])

    def name_scope(self, *args, **kwargs):
        return block(self._js, "name_scope", args, kwargs)

    def control_dependencies(self, *args, **kwargs):
        return block(self._js, "control_dependencies", args, kwargs)

    def device(self, *args, **kwargs):
        return Block(B.tf, "device", C.args_js(args, kwargs))

    def __eq__(self, o):
        return self is o

    def __hash__(self):
        return id(self)


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
        elif t is Tensor or t is Variable or t is Operation:
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
                if type(x) not in (Tensor, Variable, Operation):
                    self._memo[key] = False
                    return False
            dts = [dtype_name(x) for x in fetches]
            values = [i for i, x in enumerate(fetches) if type(x) is not Operation]
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
    if t is Tensor or t is Variable:
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


C.WRAPPERS[C.K_TENSOR] = Tensor
C.WRAPPERS[C.K_VARIABLE] = Variable
C.WRAPPERS[C.K_OPERATION] = Operation
C.WRAPPERS[C.K_DTYPE] = DType
C.WRAPPERS[C.K_GRAPH] = Graph
C.WRAPPERS[C.K_SESSION] = Session
C.WRAPPERS["function"] = JsFunction
C.WRAPPERS["object"] = JsObject


def learner_line_from_js():
    """learner_line for the engine's line hook (called from JavaScript, inside a tf call)."""
    f = sys._getframe(0)
    while f is not None:
        if f.f_code.co_filename == PROGRAM_FILE:
            return f.f_lineno
        f = f.f_back
    return None
