"""numpy-like arrays: what `sess.run` returns and what the small `numpy` module makes.

`ndarray` wraps the engine's NDArray, whose printing is numpy's; the scalars and dtype are in
scalars.py (re-exported here, so `values` is the one module the rest imports).
"""
import _tfjs as B
from _tfpy import convert as C
from _tfpy.scalars import SCALAR_TYPES, bool_, dtype, dtype_js, float32, float64, int32, int64, make_f32, make_i32, scalar  # noqa: F401


def _nested(v, dt):
    """JS nested arrays (tolist) to Python lists of numpy scalars (bytes for strings)."""
    if isinstance(v, C.JsProxy):
        if dt == "string" and C._kind(v) == C.K_BYTES:
            return C.from_js(v)
        return [_nested(x, dt) for x in v]
    if v is C.jsnull:
        return None
    return scalar(v, dt)


class ndarray:
    """numpy.ndarray, backed by the engine's NDArray (its printing is numpy's)."""

    __slots__ = ("_js",)
    __array_priority__ = 100
    __hash__ = None

    @classmethod
    def _wrap(cls, js):
        o = object.__new__(cls)
        o._js = js
        return o

    def __new__(cls, *args, **kwargs):
        raise TypeError("use np.array(...), np.zeros(...) or np.empty(...) to make an array")

    # --- what it is ---
    @property
    def shape(self):
        return tuple(self._js.shape)

    @property
    def ndim(self):
        return self._js.ndim

    @property
    def size(self):
        return self._js.size

    @property
    def dtype(self):
        return dtype(self._js.dtype.name)

    @property
    def T(self):
        return C.from_js(self._js.T)

    def __len__(self):
        s = self._js.shape
        if len(s) == 0:
            raise TypeError("len() of unsized object")
        return s[0]

    def __str__(self):
        return B.str(self._js)

    def __repr__(self):
        return B.repr(self._js)

    # --- elements ---
    def tolist(self):
        v = self._js.tolist()
        dt = self._js.dtype.name
        if dt == "string":
            return _nested(v, dt)
        if not isinstance(v, C.JsProxy):
            return scalar(v, dt).item() if dt != "bool" else v
        return _plain(v)

    def item(self, *args):
        if args:
            return self[args if len(args) > 1 else args[0]].item()
        if self.size != 1:
            raise ValueError("can only convert an array of size 1 to a Python scalar")
        return self.reshape(()).tolist() if self.ndim else self.tolist()

    def _elements(self):
        v = self._js.tolist()
        return _nested(v, self._js.dtype.name)

    def __iter__(self):
        if self.ndim == 0:
            raise TypeError("iteration over a 0-d array")
        for i in range(len(self)):
            yield self[i]

    def __getitem__(self, idx):
        dt = self._js.dtype.name
        if not isinstance(idx, tuple):
            idx = (idx,)
        if any(isinstance(i, (ndarray, list)) for i in idx):
            return _fancy(self, idx)
        v = _index(self._elements(), list(idx), self.shape)
        if isinstance(v, list):
            return array(v, dtype=dt)
        return v

    def __setitem__(self, idx, value):
        raise TypeError("the playground's numpy arrays are read-only; build a new one with np.array(...)")

    # --- conversions ---
    def __float__(self):
        return float(self._one())

    def __int__(self):
        return int(self._one())

    def __index__(self):
        return int(self._one())

    def __bool__(self):
        if self.size != 1:
            raise ValueError("The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()")
        return bool(self._one())

    def _one(self):
        if self.size != 1:
            raise TypeError("only size-1 arrays can be converted to Python scalars")
        return self._js.item()

    def astype(self, dt):
        return C.from_js(self._js.astype(C.to_js(dt)))

    def reshape(self, *shape, **kw):
        if len(shape) == 1 and isinstance(shape[0], (tuple, list)):
            shape = shape[0]
        return C.from_js(self._js.reshape(C.to_js(list(shape))))

    def flatten(self):
        return C.from_js(self._js.flatten())

    ravel = flatten

    def copy(self):
        return C.from_js(self._js.copy())

    def sum(self, axis=None, **kw):
        return _reduce(self, "sum", axis, kw)

    def mean(self, axis=None, **kw):
        return _reduce(self, "mean", axis, kw)

    def max(self, axis=None, **kw):
        return _reduce(self, "max", axis, kw)

    def min(self, axis=None, **kw):
        return _reduce(self, "min", axis, kw)

    def argmax(self, axis=None):
        return _value(self._js.argmax(C.to_js(axis)), "int64")

    def argmin(self, axis=None):
        return _value(self._js.argmin(C.to_js(axis)), "int64")

    def all(self):
        return all(bool(x) for x in _flat(self._elements()))

    def any(self):
        return any(bool(x) for x in _flat(self._elements()))

    def dot(self, other):
        return C.from_js(B.np.dot(self._js, C.to_js(other)))

    # --- operators (numpy's broadcasting, in the engine) ---
    def _bin(self, name, a, b):
        try:
            return C.from_js(getattr(B.ops, name)(C.to_js(a), C.to_js(b)))
        except C.JsException as e:
            raise C.py_error(e) from None

    def __add__(self, o): return self._bin("add", self, o)
    def __radd__(self, o): return self._bin("add", o, self)
    def __sub__(self, o): return self._bin("sub", self, o)
    def __rsub__(self, o): return self._bin("sub", o, self)
    def __mul__(self, o): return self._bin("mul", self, o)
    def __rmul__(self, o): return self._bin("mul", o, self)
    def __truediv__(self, o): return self._bin("truediv", self, o)
    def __rtruediv__(self, o): return self._bin("truediv", o, self)
    def __mod__(self, o): return self._bin("mod", self, o)
    def __rmod__(self, o): return self._bin("mod", o, self)
    def __pow__(self, o): return self._bin("pow", self, o)
    def __rpow__(self, o): return self._bin("pow", o, self)
    def __lt__(self, o): return self._bin("lt", self, o)
    def __le__(self, o): return self._bin("le", self, o)
    def __gt__(self, o): return self._bin("gt", self, o)
    def __ge__(self, o): return self._bin("ge", self, o)
    def __neg__(self): return C.from_js(B.ops.neg(self._js))
    def __pos__(self): return self
    def __abs__(self): return C.from_js(B.np.abs(self._js))

    def __matmul__(self, o):
        return C.from_js(B.np.dot(self._js, C.to_js(o)))

    def __eq__(self, o):
        return _compare(self, o, lambda a, b: a == b)

    def __ne__(self, o):
        return _compare(self, o, lambda a, b: a != b)


def _compare(a, o, f):
    if getattr(o, "_is_tensor", False):
        return NotImplemented
    other = o._elements() if isinstance(o, ndarray) else o
    out = _zip(a._elements(), other, f)
    return array(out, dtype="bool") if isinstance(out, list) else out


def _zip(x, y, f):
    if isinstance(x, list):
        if isinstance(y, list):
            if len(y) == 1 and len(x) != 1:
                return [_zip(p, y[0], f) for p in x]
            return [_zip(p, q, f) for p, q in zip(x, y)]
        return [_zip(p, y, f) for p in x]
    if isinstance(y, list):
        return [_zip(x, q, f) for q in y]
    return f(x, y)


def _flat(v):
    if isinstance(v, list):
        for x in v:
            yield from _flat(x)
    else:
        yield v


def _plain(v):
    if isinstance(v, C.JsProxy):
        return [_plain(x) for x in v]
    return v


def _value(v, dt):
    """A reduction's result: an array, or a scalar of dtype `dt`."""
    if isinstance(v, C.JsProxy):
        return C.from_js(v)
    return scalar(v, dt)


def _reduce(a, name, axis, kw):
    args = [C.to_js(axis)] if axis is not None else []
    if kw.get("keepdims"):
        args = [C.to_js(axis), True]
    r = getattr(a._js, name)(*args)
    dt = a._js.dtype.name
    if name == "mean" and dt not in ("float32", "float64"):
        dt = "float64"
    if name == "sum" and dt == "int32":
        dt = "int64"
    return _value(r, dt)


def _index(v, idx, shape):
    """Basic indexing of nested lists (ints, slices, None, Ellipsis)."""
    if not idx:
        return v
    i, rest = idx[0], idx[1:]
    if i is Ellipsis:
        missing = len(shape) - len([x for x in rest if x is not None]) 
        return _index(v, [slice(None)] * max(missing, 0) + rest, shape)
    if i is None:
        return [_index(v, rest, shape)]
    if not isinstance(v, list):
        raise IndexError("too many indices for array: array is %d-dimensional, but %d were indexed" % (len(shape), len(shape) + 1))
    if isinstance(i, slice):
        return [_index(x, rest, shape[1:]) for x in v[i]]
    i = int(i)
    n = len(v)
    if i < -n or i >= n:
        raise IndexError("index %d is out of bounds for axis 0 with size %d" % (i, n))
    return _index(v[i], rest, shape[1:])


def _fancy(a, idx):
    if len(idx) != 1:
        raise IndexError("the playground's numpy supports one index array at a time")
    sel = idx[0]
    sel = sel.tolist() if isinstance(sel, ndarray) else sel
    items = a._elements()
    if sel and all(isinstance(s, bool) for s in sel):
        out = [x for x, s in zip(items, sel) if s]
    else:
        out = [items[int(s)] for s in sel]
    return array(out, dtype=a.dtype.name)


def array(x, dtype=None, **kw):
    """np.array."""
    try:
        return C.from_js(B.np.array(C.to_js(x), C.to_js(dtype)))
    except C.JsException as e:
        raise C.py_error(e) from None


C.WRAPPERS[C.K_NDARRAY] = ndarray
