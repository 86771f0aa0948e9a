"""`tf.cond`, `tf.case` and `tf.while_loop` with Python's structures.

The engine nests lists and dicts (JavaScript arrays and plain objects); Python also nests
tuples and namedtuples, and TF 1.x hands them back as they were given: a body returning
`(i + 1, (a, b))` makes `while_loop` return a tuple holding a tuple, and the body is called
with its loop variables packed like `loop_vars`. So the branch and body functions are wrapped
here: their arguments are packed like the structure the program gave, their results go to the
engine as nested arrays and plain objects, and the engine's result is packed like the first
result a branch or the body returned (TF's `pack_sequence_as(original_body_result, ...)`).
"""
from pyodide.ffi import JsProxy

import _tfjs as B
from _tfpy import convert as C
from _tfpy import out as O


def nest_js(v):
    """A structure for the engine's nest: lists and tuples as arrays, dicts as plain objects."""
    if isinstance(v, (list, tuple)):
        return B.arr(*[nest_js(x) for x in v])
    if isinstance(v, dict):
        kv = []
        for k in v:
            if not isinstance(k, str):
                raise TypeError("nest: dict keys must be strings here, got %r" % (k,))
            kv.append(k)
            kv.append(nest_js(v[k]))
        return B.kw(*kv)
    return C.to_js(v)


def _js_kind(js):
    return C._kind(js) if isinstance(js, JsProxy) else None


def pack(like, js):
    """The engine's value `js` packed like the Python structure `like` (tuples stay tuples)."""
    if isinstance(like, (list, tuple, dict)):
        want = C.K_PLAIN if isinstance(like, dict) else C.K_ARRAY
        if _js_kind(js) != want:
            # TF unpacks a singleton result (`[x]` gives `x`).
            if len(like) == 1:
                return pack(next(iter(like.values())) if isinstance(like, dict) else like[0], js)
            return C.from_js(js)
    if isinstance(like, dict):
        return type(like)((k, pack(like[k], getattr(js, k))) for k in like)
    if isinstance(like, tuple) and hasattr(like, "_fields"):
        return type(like)(*[pack(x, js[i]) for i, x in enumerate(like)])
    if isinstance(like, (list, tuple)):
        if len(like) != js.length:
            return C.from_js(js)
        items = [pack(x, js[i]) for i, x in enumerate(like)]
        return items if isinstance(like, list) else tuple(items)
    return C.from_js(js)


class _Recorder:
    """Keeps the first structure a wrapped function returned."""

    __slots__ = ("result", "seen")

    def __init__(self):
        self.result = None
        self.seen = False


def _branch(f, rec):
    """A branch of cond/case for the engine: no arguments, its result recorded."""
    if f is None:
        return C.jsnull
    if not callable(f):
        return C.to_js(f)  # the engine raises TF's TypeError for a non-callable

    def call():
        r = f()
        if not rec.seen:
            rec.seen = True
            rec.result = r
        return nest_js(r)

    return C.guarded(call)


def _loop_fn(f, loop_vars, rec):
    """The condition or body of a while loop: arguments packed like `loop_vars`."""
    if not callable(f):
        return C.to_js(f)
    likes = list(loop_vars) if isinstance(loop_vars, (list, tuple)) else [loop_vars]

    def call(*args):
        packed = [pack(likes[i], a) if i < len(likes) else C.from_js(a) for i, a in enumerate(args)]
        r = f(*packed)
        if rec is not None and not rec.seen:
            rec.seen = True
            rec.result = r
        return nest_js(r)

    return C.guarded(call)


def _result(rec, js):
    return pack(rec.result, js) if rec.seen else C.from_js(js)


def _js(v):
    return v if isinstance(v, JsProxy) else C.to_js(v)


def _call(f, args, kwargs):
    """Calls the engine's `f`; `args` are engine values already, `kwargs` Python's or the engine's."""
    kv = []
    for k, v in kwargs.items():
        kv.append(k)
        kv.append(_js(v))
    if O.pending:
        O.flush()
    try:
        return f(*args, B.kw(*kv))
    except C.JsException as e:
        raise C.py_error(e) from None


def cond(pred, true_fn=None, false_fn=None, strict=False, name=None, fn1=None, fn2=None):
    """`true_fn()` if `pred` else `false_fn()`, as graph nodes (both branches are built now)."""
    rec = _Recorder()
    kw = {"strict": strict, "name": name}
    if fn1 is not None:
        kw["fn1"] = _branch(fn1, rec)
    if fn2 is not None:
        kw["fn2"] = _branch(fn2, _Recorder())
    js = _call(B.tf.cond, (C.to_js(pred), _branch(true_fn, rec), _branch(false_fn, _Recorder())), kw)
    return _result(rec, js)


def case(pred_fn_pairs, default=None, exclusive=False, strict=False, name="case"):
    """The result of the first pair whose predicate holds, else of `default`."""
    rec = _Recorder()
    items = pred_fn_pairs.items() if isinstance(pred_fn_pairs, dict) else pred_fn_pairs
    try:
        pairs = [B.arr(C.to_js(p), _branch(f, rec)) for p, f in items]
    except (TypeError, ValueError):
        pairs = None
    js_pairs = B.arr(*pairs) if pairs is not None else C.to_js(pred_fn_pairs)
    kw = {"exclusive": exclusive, "strict": strict, "name": name}
    js = _call(B.tf.case, (js_pairs, _branch(default, rec) if default is not None else C.jsnull), kw)
    return _result(rec, js)


def while_loop(cond, body, loop_vars, shape_invariants=None, parallel_iterations=10, back_prop=True,
               swap_memory=False, name=None, maximum_iterations=None, return_same_structure=False):
    """Repeats `body` while `cond` holds, as a loop in the graph (the body is built once, now)."""
    rec = _Recorder()
    kw = {
        "parallel_iterations": parallel_iterations,
        "back_prop": back_prop,
        "swap_memory": swap_memory,
        "name": name,
        "maximum_iterations": maximum_iterations,
        "return_same_structure": return_same_structure,
    }
    if shape_invariants is not None:
        kw["shape_invariants"] = nest_js(shape_invariants)
    args = (_loop_fn(cond, loop_vars, None), _loop_fn(body, loop_vars, rec), nest_js(loop_vars))
    js = _call(B.tf.while_loop, args, kw)
    if not rec.seen:
        return C.from_js(js)
    like = rec.result
    if not isinstance(like, (list, tuple, dict)):
        like = [like]  # TF wraps a body's single result in a list
    return pack(like, js)
