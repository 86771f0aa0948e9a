"""Tensors, variables, operations, dtypes and graphs as Python classes: Python's operators
build TF's ops with TF's names (`a + b` is `add`, `t[1:]` is `strided_slice`)."""
import _tfjs as B
from _tfpy import convert as C
from _tfpy import out as O
from _tfpy import session as S
from _tfpy import values as V
from _tfpy.wrappers import Block, JsObject, block, learner_line

JsException = C.JsException
feed_js = S.feed_js


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

    # Tensors compare by identity (TF 1.x) and are dict keys (feed_dict): object's own slots,
    # which run in C (a feed_dict built every step hashes its keys every step).
    __eq__ = object.__eq__
    __ne__ = object.__ne__
    __hash__ = object.__hash__

    def eval(self, feed_dict=None, session=None):
        line = learner_line()
        s = session._js if session is not None else B.tf.get_default_session()
        if s is None or s is C.jsnull:
            try:
                self._js.eval(feed_js(feed_dict), C.jsnull)
            except JsException as e:
                raise C.py_error(e) from None
        O.flush()
        try:
            r = B.run(s, line, self._js, feed_js(feed_dict))
        except JsException as e:
            raise C.py_error(e) from None
        return S.result_value(r, S.dtype_name(self))


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
        O.flush()
        try:
            B.run(s, line, self._js, feed_js(feed_dict))
        except JsException as e:
            raise C.py_error(e) from None
        return None

    __eq__ = object.__eq__
    __ne__ = object.__ne__
    __hash__ = object.__hash__


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

    __eq__ = object.__eq__
    __ne__ = object.__ne__
    __hash__ = object.__hash__


C.WRAPPERS[C.K_TENSOR] = Tensor
C.WRAPPERS[C.K_VARIABLE] = Variable
C.WRAPPERS[C.K_OPERATION] = Operation
C.WRAPPERS[C.K_DTYPE] = DType
C.WRAPPERS[C.K_GRAPH] = Graph
