"""TensorFlow 1.x for the playground: the engine's `tf` API with Python's conventions.

Every name of the engine's namespace is here (looked up on first use); the classes a program
checks with `isinstance`, the `with` blocks and a few modules are Python's own.
"""
import sys as _sys

import _tfjs as _B
from _tfpy import convert as _C
from _tfpy import errors as _errors_mod
from _tfpy import wrappers as _W
from _tfpy.tfmodules import errors, compat_module, logging, app, disable_v2_behavior, enable_v2_behavior
from _tfpy.tfmodules import disable_eager_execution, executing_eagerly, enable_eager_execution
from _tfpy.control import cond, case, while_loop

__version__ = "1.15.0"
VERSION = __version__
GIT_VERSION = "v1.15.0"

Tensor = _W.Tensor
Variable = _W.Variable
Operation = _W.Operation
Graph = _W.Graph
Session = _W.Session
DType = _W.DType


def InteractiveSession(*args, **kwargs):
    """A session that makes itself the default (for `t.eval()` in notebooks)."""
    return _C.call(_B.tf.InteractiveSession, args, kwargs)


# `with` blocks: the engine takes their body as a callback; Python enters and exits them.
def name_scope(*args, **kwargs):
    """Prefixes the names of ops created in the `with` block."""
    return _W.block(_B.tf, "name_scope", args, kwargs)


def variable_scope(*args, **kwargs):
    """A variable scope (and a name scope) for the `with` block; `reuse=True` shares variables."""
    return _W.block(_B.tf, "variable_scope", args, kwargs)


def control_dependencies(*args, **kwargs):
    """Ops created in the `with` block run only after `control_inputs`."""
    return _W.block(_B.tf, "control_dependencies", args, kwargs)


def device(*args, **kwargs):
    """Ops created in the `with` block get this device (merged as TF merges device specs)."""
    return _W.block(_B.tf, "device", args, kwargs)


def colocate_with(op, ignore_existing=False):
    """Ops created in the `with` block are placed on `op`'s device (no colocation attribute is kept)."""
    return _W.block(_B.tf, "device", (getattr(op, "device", "") or "",), None)


def get_default_session():
    """The default session, or None."""
    return _C.from_js(_B.tf.get_default_session())


compat = compat_module(_sys.modules[__name__])
_sys.modules[__name__ + ".compat"] = compat
_sys.modules[__name__ + ".compat.v1"] = _sys.modules[__name__]
_sys.modules[__name__ + ".errors"] = errors
_sys.modules[__name__ + ".logging"] = logging

_members = {}


def __getattr__(name):
    """Any other name of the engine's `tf` (wrapped on first use)."""
    if name.startswith("__"):
        raise AttributeError(name)
    try:
        v = getattr(_B.tf, name)
    except AttributeError:
        raise AttributeError(
            "module 'tensorflow' has no attribute '%s' (the playground's TensorFlow does not have it yet)" % name
        ) from None
    if isinstance(v, _C.JsProxy) and _C._kind(v) == _C.K_PLAIN:
        w = _W.Namespace.make(v, "tensorflow." + name)
    else:
        w = _C.from_js(v)
    globals()[name] = w
    return w


def __dir__():
    return sorted(set(globals()) | set(_B.keys(_B.tf)))
