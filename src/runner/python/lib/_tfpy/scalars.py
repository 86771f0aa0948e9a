"""numpy-like scalars (what `sess.run` returns for a 0-d fetch) and numpy's dtype object.

Scalars are subclasses of Python's numbers (so `%` formatting, comparisons and arithmetic are
Python's own) that print as numpy 1.x prints them: a float32 with the fewest digits that
round-trip in float32 (`2.3205383`, `3.007017e-11`). Arrays are in values.py.
"""
import struct

import _tfjs as B
from _tfpy import convert as C

_f32repr = B.f32
_pack = struct.Struct("f")


def _round32(x):
    return _pack.unpack(_pack.pack(x))[0]


class float32(float):
    """numpy.float32: a float32 value."""

    __slots__ = ()
    _np_name = "float32"

    def __new__(cls, x=0.0):
        return float.__new__(cls, _round32(float(x)))

    def __repr__(self):
        return _f32repr(float(self))

    __str__ = __repr__

    def item(self):
        return float(self)


class float64(float):
    """numpy.float64: a Python float that says it is numpy's."""

    __slots__ = ()
    _np_name = "float64"

    def item(self):
        return float(self)


class int32(int):
    """numpy.int32."""

    __slots__ = ()
    _np_name = "int32"

    def __new__(cls, x=0):
        v = int(x) & 0xFFFFFFFF
        return int.__new__(cls, v - 0x100000000 if v >= 0x80000000 else v)

    def item(self):
        return int(self)


class int64(int):
    """numpy.int64."""

    __slots__ = ()
    _np_name = "int64"

    def item(self):
        return int(self)


class bool_(int):
    """numpy.bool_ (a value of it is returned as Python's bool)."""

    _np_name = "bool"

    def __new__(cls, x=False):
        return bool(x)


for _t in (float32, float64, int32, int64, bool_):
    _t.__tfjs_type__ = classmethod(lambda cls: dtype_js(cls))
    _t.__module__ = "numpy"


def make_f32(v):
    """A float32 scalar from an exact float32 value (no rounding needed)."""
    return float.__new__(float32, v)


def make_i32(v):
    return int.__new__(int32, v)


SCALAR_TYPES = {"float32": float32, "float64": float64, "int32": int32, "int64": int64, "bool": bool_}


def dtype_js(cls):
    """The engine's dtype for a numpy scalar class."""
    name = cls._np_name
    tf = B.tf
    if name == "bool":
        return tf.bool
    if name == "int64":
        return getattr(tf, "int64", None) or tf.int32
    return getattr(tf, name)


class dtype:
    """numpy's dtype object (`a.dtype`): compares equal to its name and its scalar type."""

    __slots__ = ("name",)

    def __init__(self, name):
        if isinstance(name, dtype):
            name = name.name
        elif isinstance(name, type) and hasattr(name, "_np_name"):
            name = name._np_name
        elif name is float:
            name = "float64"
        elif name is int:
            name = "int64"
        elif name is bool:
            name = "bool"
        self.name = str(name)

    @property
    def type(self):
        return SCALAR_TYPES.get(self.name)

    def __eq__(self, other):
        try:
            return self.name == dtype(other).name
        except Exception:
            return False

    def __hash__(self):
        return hash(self.name)

    def __repr__(self):
        return "dtype('%s')" % self.name

    def __str__(self):
        return self.name

    def __tfjs__(self):
        t = SCALAR_TYPES.get(self.name)
        return dtype_js(t) if t else self.name


def scalar(v, dtype_name):
    """A numpy scalar of the engine's dtype `dtype_name` from a JS number/boolean."""
    if dtype_name == "float32":
        return float.__new__(float32, v)
    if dtype_name == "int32":
        return int.__new__(int32, v)
    if dtype_name == "float64":
        return float.__new__(float64, v)
    if dtype_name == "int64":
        return int.__new__(int64, v)
    if dtype_name == "bool":
        return bool(v)
    return v
