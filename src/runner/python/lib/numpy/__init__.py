"""A small numpy for TF 1.x programs: what their data-making lines use (`np.array`,
`np.random.rand(100).astype(np.float32)`, `np.zeros((2, 3))`, `np.mean`, ...), backed by the
playground engine's numpy (numpy's dtypes, printing, and RandomState's generator). Anything else
raises an AttributeError that names the missing function."""
import types as _types

import _tfjs as _B
from _tfpy import convert as _C
from _tfpy import values as _V
from _tfpy.values import bool_, dtype, float32, float64, int32, int64, ndarray

__version__ = "1.16.6"

float_ = double = float64
single = float32
int_ = int64
intc = int32
pi = 3.141592653589793
e = 2.718281828459045
inf = float("inf")
nan = float("nan")
newaxis = None

_np = _B.np


def _call(name, *args):
    f = getattr(_np, name)
    try:
        return _out(f(*[_C.to_js(a) for a in args]))
    except _C.JsException as e:
        raise _C.py_error(e) from None


def _out(v):
    """A result: arrays wrapped, JS numbers as Python's (numpy's float64 prints the same)."""
    if isinstance(v, _C.JsProxy):
        return _C.from_js(v)
    if v is _C.jsnull:
        return None
    if isinstance(v, float) and not isinstance(v, bool):
        return float64(v)
    return v


def _shape(s):
    return list(s) if isinstance(s, (tuple, list)) else s


def array(object, dtype=None, copy=True, ndmin=0):
    """An array from nested lists (floats are float64, ints int64 as in numpy)."""
    return _call("array", object, dtype)


def asarray(a, dtype=None):
    return a if isinstance(a, ndarray) and dtype is None else _call("asarray", a, dtype)


def zeros(shape, dtype=None):
    return _call("zeros", _shape(shape), dtype)


def ones(shape, dtype=None):
    return _call("ones", _shape(shape), dtype)


def empty(shape, dtype=None):
    return _call("zeros", _shape(shape), dtype)


def full(shape, fill_value, dtype=None):
    return _call("full", _shape(shape), fill_value, dtype)


def zeros_like(a, dtype=None):
    r = _call("zeros_like", a)
    return r.astype(dtype) if dtype is not None else r


def ones_like(a, dtype=None):
    r = _call("ones_like", a)
    return r.astype(dtype) if dtype is not None else r


def eye(N, dtype=None):
    r = _call("eye", N)
    return r.astype(dtype) if dtype is not None else r


identity = eye


def arange(start, stop=None, step=None, dtype=None):
    args = [start] if stop is None else [start, stop] if step is None else [start, stop, step]
    r = _call("arange", *args)
    return r.astype(dtype) if dtype is not None else r


def linspace(start, stop, num=50, endpoint=True, dtype=None):
    r = _call("linspace", float(start), float(stop), int(num), bool(endpoint))
    return r.astype(dtype) if dtype is not None else r


def reshape(a, newshape):
    return _call("reshape", a, _shape(newshape) if not isinstance(newshape, int) else [newshape])


def transpose(a, axes=None):
    return _call("transpose", a, list(axes) if axes is not None else None)


def dot(a, b):
    return _call("dot", a, b)


matmul = dot


def concatenate(arrays, axis=0):
    return _call("concatenate", list(arrays), axis)


def stack(arrays, axis=0):
    if axis != 0:
        raise NotImplementedError("the playground's np.stack stacks along axis 0 only")
    return _call("stack", list(arrays))


def vstack(arrays):
    return concatenate([a if asarray(a).ndim > 1 else asarray(a).reshape(1, -1) for a in arrays], 0)


def hstack(arrays):
    arrays = [asarray(a) for a in arrays]
    return concatenate(arrays, 0 if arrays[0].ndim == 1 else 1)


def _reduction(name):
    def f(a, axis=None, keepdims=False, dtype=None):
        a = asarray(a)
        return getattr(a, name)(axis=axis, keepdims=keepdims) if keepdims else getattr(a, name)(axis)

    f.__name__ = name
    return f


sum = _reduction("sum")
mean = _reduction("mean")
max = amax = _reduction("max")
min = amin = _reduction("min")


def argmax(a, axis=None):
    return asarray(a).argmax(axis)


def argmin(a, axis=None):
    return asarray(a).argmin(axis)


def _unary(name):
    def f(x):
        return _call(name, x)

    f.__name__ = name
    return f


sqrt = _unary("sqrt")
exp = _unary("exp")
log = _unary("log")
tanh = _unary("tanh")
sin = _unary("sin")
cos = _unary("cos")
abs = absolute = _unary("abs")
square = _unary("square")
round = around = _unary("round")


def allclose(a, b, rtol=1e-05, atol=1e-08):
    return bool(_call("allclose", a, b, rtol, atol))


def shape(a):
    return asarray(a).shape


def size(a):
    return asarray(a).size


def ndim(a):
    return asarray(a).ndim


def isscalar(x):
    return isinstance(x, (int, float, bool, str))


def isnan(x):
    if isinstance(x, (int, float)):
        return x != x
    a = asarray(x)
    return a != a


def array_equal(a, b):
    a, b = asarray(a), asarray(b)
    return a.shape == b.shape and bool((a == b).all())


# ---- np.random: numpy's RandomState (Mersenne Twister), seeded per run ----
random = _types.ModuleType("numpy.random", "numpy's legacy random generator (RandomState).")
_rnd = _np.random


def _rcall(name, *args):
    try:
        return _out(getattr(_rnd, name)(*[_C.to_js(a) for a in args]))
    except _C.JsException as e:
        raise _C.py_error(e) from None


def _size(size):
    return list(size) if isinstance(size, tuple) else size


random.seed = lambda seed=None: _rcall("seed", seed)
random.rand = lambda *dims: _rcall("rand", *dims)
random.randn = lambda *dims: _rcall("randn", *dims)
random.random = lambda size=None: _rcall("random", _size(size))
random.random_sample = lambda size=None: _rcall("random_sample", _size(size))
random.sample = random.random_sample
random.uniform = lambda low=0.0, high=1.0, size=None: _rcall("uniform", low, high, _size(size))
random.normal = lambda loc=0.0, scale=1.0, size=None: _rcall("normal", loc, scale, _size(size))
random.randint = lambda low, high=None, size=None, dtype=None: _rcall("randint", low, high, _size(size))


def _random_missing(name):
    raise AttributeError(
        "module 'numpy.random' has no attribute '%s' (the playground's numpy.random has: seed, rand, randn, "
        "random, random_sample, uniform, normal, randint)" % name
    )


random.__getattr__ = _random_missing

_HAS = "array, zeros, ones, full, arange, linspace, reshape, transpose, dot, matmul, concatenate, stack, sum, mean, max, min, argmax, argmin, sqrt, exp, log, tanh, square, abs, allclose, random.*"


def __getattr__(name):
    if name.startswith("__"):
        raise AttributeError(name)
    raise AttributeError("module 'numpy' has no attribute '%s' (the playground's numpy is a small subset: %s)" % (name, _HAS))
