"""Python classes around the engine's objects: a generic wrapper (attributes, methods and
printing are the engine's), functions, namespaces (`tf.train`) and `with` blocks. Tensors and
graphs are in tensors.py, sessions in session.py (both re-exported here)."""
import sys

import _tfjs as B
from _tfpy import convert as C

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


# The classes of the graph and the session (they import this module, so they come last).
from _tfpy.tensors import DType, Graph, Operation, Tensor, TensorOps, Variable  # noqa: E402,F401
from _tfpy.session import Session, dtype_name, feed_js, result_value  # noqa: E402,F401
