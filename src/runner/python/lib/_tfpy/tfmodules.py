"""The parts of `tensorflow` that are Python modules of their own: `tf.errors`, `tf.compat`,
`tf.logging`, and the TF 2 switches that TF 1.x programs call (no-ops here)."""
import sys
import types

from _tfpy import errors as _errors

errors = types.ModuleType("tensorflow.errors", "TF's run-time errors (catch them with `except tf.errors.OpError as e:`).")
for _name, _cls in _errors.CLASSES.items():
    setattr(errors, _name, _cls)
for _name, _code in _errors.CODES.items():
    setattr(errors, _name, _code)


def disable_v2_behavior():
    """TF 1.x behaviour is the only one here: nothing to switch."""


def enable_v2_behavior():
    raise NotImplementedError("the playground runs TensorFlow 1.x graphs only: TF 2 behaviour (eager execution) is not available")


def disable_eager_execution():
    """Graphs and sessions are the only mode here: nothing to switch."""


def enable_eager_execution(*args, **kwargs):
    raise NotImplementedError("the playground runs TensorFlow 1.x graphs and sessions: eager execution is not available")


def executing_eagerly():
    return False


def compat_module(tf):
    """`tf.compat`: `tf.compat.v1` is tf itself."""
    m = types.ModuleType("tensorflow.compat")
    m.v1 = tf
    m.v2 = None
    m.as_bytes = lambda s, encoding="utf-8": s.encode(encoding) if isinstance(s, str) else bytes(s)
    m.as_text = lambda s, encoding="utf-8": s.decode(encoding) if isinstance(s, bytes) else str(s)
    m.as_str = m.as_text
    return m


logging = types.ModuleType("tensorflow.logging", "TF's logging: messages at or above the verbosity go to stderr.")
logging.DEBUG, logging.INFO, logging.WARN, logging.ERROR, logging.FATAL = 10, 20, 30, 40, 50
logging.WARNING = logging.WARN
_verbosity = [logging.WARN]


def _set_verbosity(v):
    _verbosity[0] = v


def _logger(level, tag):
    def log(msg, *args):
        if level >= _verbosity[0]:
            sys.stderr.write("%s:tensorflow:%s\n" % (tag, (msg % args) if args else msg))

    return log


logging.set_verbosity = _set_verbosity
logging.get_verbosity = lambda: _verbosity[0]
logging.debug = _logger(10, "DEBUG")
logging.info = _logger(20, "INFO")
logging.warn = logging.warning = _logger(30, "WARNING")
logging.error = _logger(40, "ERROR")
logging.fatal = _logger(50, "FATAL")

app = types.ModuleType("tensorflow.app")


def _app_run(main=None, argv=None):
    main = main or sys.modules["__main__"].main
    main([sys.argv[0]] if argv is None else argv)


app.run = _app_run
