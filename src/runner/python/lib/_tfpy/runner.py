"""Runs one learner program: Python 2 print statements converted, `print` and the standard
streams sent to the playground's console, and the uncaught error described for the end event."""
import builtins
import io
import random
import sys
import tokenize
import traceback

import _tfjs as B
from _tfpy import out as O
from _tfpy.wrappers import PROGRAM_FILE
from _tfpy.values import float32 as f32

_real_print = builtins.print


class _Stream:
    """sys.stdout / sys.stderr: text goes to the program's console."""

    encoding = "utf-8"
    errors = "strict"

    def __init__(self, write, name):
        self._write = write
        self.name = name

    def write(self, s):
        if not isinstance(s, str):
            raise TypeError("write() argument must be str, not %s" % type(s).__name__)
        O.flush()
        self._write(s)
        return len(s)

    def writelines(self, lines):
        for s in lines:
            self.write(s)

    def flush(self):
        pass

    def isatty(self):
        return False

    def fileno(self):
        raise io.UnsupportedOperation("fileno")


_SAFE_INT = 1 << 53


def _make_print(out_line, stdout):
    pending = O.pending
    flush_out = O.flush

    def print(*args, sep=" ", end="\n", file=None, flush=False):
        """Python's print; a plain line (default sep and end) is buffered (see _tfpy.out)."""
        if file is not None and file is not stdout:
            flush_out()
            return _real_print(*args, sep=sep, end=end, file=file, flush=flush)
        if (sep == " " or sep is None) and (end == "\n" or end is None) and len(args) < 24:
            # float32 values go as numbers: the console formats them as numpy does.
            parts = []
            mask = 0
            bit = 1
            for a in args:
                t = type(a)
                if t is str:
                    parts.append(a)
                elif t is f32:
                    parts.append(float(a))
                    mask |= bit
                elif t is int and -_SAFE_INT < a < _SAFE_INT:
                    parts.append(a)
                else:
                    parts.append(str(a))
                bit <<= 1
            pending.append(len(args) + 32 * mask)
            pending.extend(parts)
            # Sent at once: a program that then loops forever in plain Python (no crossing
            # until Stop ends the worker) must not lose the line (see _tfpy.out).
            flush_out()
            return
        if sep is None:
            sep = " "
        elif not isinstance(sep, str):
            raise TypeError("sep must be None or a string, not %s" % type(sep).__name__)
        if end is None:
            end = "\n"
        elif not isinstance(end, str):
            raise TypeError("end must be None or a string, not %s" % type(end).__name__)
        parts = [a if type(a) is str else float(a) if type(a) is f32 else str(a) for a in args]
        flush_out()
        out_line(sep, end, *parts)

    return print


# ---- Python 2 print statements ----

_STMT_KEYWORDS = {"if", "elif", "else", "for", "while", "try", "except", "finally", "with", "def", "class"}
_NOT_A_STATEMENT = {"(", "=", ".", "[", ",", ")", ":", "+=", "-=", "*=", "/=", "%=", "//=", "**=", "|=", "&=", "^=", ">>=", "<<=", "@="}


def convert_prints(source):
    """Rewrites Python 2 print statements (`print x, y`, `print`, `print >>f, x`, `print x,`)
    as calls, keeping every line where it is. Returns (source, line of the first one) or
    (source, None, 0) when there is none (or the source does not tokenize); the third item
    is how many statements were converted."""
    try:
        toks = list(tokenize.generate_tokens(io.StringIO(source).readline))
    except (tokenize.TokenError, SyntaxError, IndentationError):
        return source, None, 0
    lines = source.splitlines(keepends=True)
    edits = []  # (start, end, replacement)
    first = None
    n = len(toks)
    depth = 0
    at_start = True
    line_head = None
    i = 0
    while i < n:
        t = toks[i]
        tt, ts = t.type, t.string
        if tt in (tokenize.NEWLINE, tokenize.NL):
            if depth == 0:
                at_start = True
                line_head = None
            i += 1
            continue
        if tt in (tokenize.INDENT, tokenize.DEDENT, tokenize.COMMENT, tokenize.ENCODING):
            i += 1
            continue
        if at_start and tt == tokenize.NAME and ts == "print" and depth == 0:
            nxt = toks[i + 1] if i + 1 < n else None
            if nxt is None or nxt.type in (tokenize.NEWLINE, tokenize.ENDMARKER, tokenize.COMMENT) or (nxt.type == tokenize.OP and nxt.string == ";"):
                edits.append((t.end, t.end, "()"))
                first = first or t.start[0]
                at_start = False
                i += 1
                continue
            if not (nxt.type == tokenize.OP and nxt.string in _NOT_A_STATEMENT):
                # The statement's end: NEWLINE or ';' at depth 0 (a comment before it stays after).
                j = i + 1
                d = 0
                last = None
                file_expr = None
                comma_after_file = None
                while j < n:
                    u = toks[j]
                    if u.type == tokenize.OP:
                        if u.string in "([{":
                            d += 1
                        elif u.string in ")]}":
                            d -= 1
                        elif d == 0 and u.string == ";":
                            break
                        elif d == 0 and u.string == "," and file_expr is not None and comma_after_file is None:
                            comma_after_file = u
                    if u.type in (tokenize.NEWLINE, tokenize.ENDMARKER) or (u.type == tokenize.COMMENT and d == 0):
                        break
                    if u.type != tokenize.NL:
                        if j == i + 1 and u.type == tokenize.OP and u.string == ">>":
                            file_expr = u
                        last = u
                    j += 1
                if last is None:
                    i += 1
                    continue
                suffix = ""
                stop = last.end
                if last.type == tokenize.OP and last.string == "," and last is not comma_after_file:
                    # `print x,` ends with a space instead of a newline.
                    stop = last.start
                    edits.append((last.start, last.end, ""))
                    suffix = ', end=" "'
                if file_expr is not None:
                    # `print >>f, x` -> `print(x, file=f)`; `print >>f` -> `print(file=f)`
                    if comma_after_file is None:
                        target = source_between(lines, toks[i + 2].start, stop)
                        edits.append((file_expr.start, stop, "(file=" + target.strip() + ")"))
                    else:
                        target = source_between(lines, toks[i + 2].start, comma_after_file.start)
                        edits.append((file_expr.start, comma_after_file.end, "("))
                        edits.append((stop, stop, suffix + ", file=" + target.strip() + ")"))
                else:
                    after = toks[i + 1].start
                    edits.append((t.end, after if after[0] == t.end[0] else t.end, "("))
                    edits.append((stop, stop, suffix + ")"))
                first = first or t.start[0]
                at_start = False
                i = j
                continue
        if tt == tokenize.OP:
            if ts in "([{":
                depth += 1
            elif ts in ")]}":
                depth -= 1
            elif ts == ";" and depth == 0:
                at_start = True
                i += 1
                continue
            elif ts == ":" and depth == 0 and line_head in _STMT_KEYWORDS:
                at_start = True
                i += 1
                continue
        if at_start:
            line_head = ts if tt == tokenize.NAME else None
        at_start = False
        i += 1
    if first is None:
        return source, None, 0
    return apply_edits(lines, edits), first, len({e[0][0] for e in edits if e[2].startswith("(")})


def source_between(lines, start, end):
    (r1, c1), (r2, c2) = start, end
    if r1 == r2:
        return lines[r1 - 1][c1:c2]
    parts = [lines[r1 - 1][c1:]] + lines[r1:r2 - 1] + [lines[r2 - 1][:c2]]
    return "".join(parts)


def apply_edits(lines, edits):
    """Applies replacements (start, end, text) within lines, from the end of the source
    backwards so that earlier positions stay valid. No edit spans a line break."""
    lines = list(lines)
    for (r1, c1), (r2, c2), text in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):
        s = lines[r1 - 1]
        if r1 == r2:
            lines[r1 - 1] = s[:c1] + text + s[c2:]
        else:
            lines[r1 - 1] = s[:c1] + text + "\n"
            for r in range(r1, r2 - 1):
                lines[r] = "\n"
            lines[r2 - 1] = " " * c2 + lines[r2 - 1][c2:]
    return "".join(lines)


# ---- running ----


def _syntax_error(e):
    line = e.lineno
    col = e.offset
    msg = e.msg
    where = " (%d:%d)" % (line, col) if line is not None and col is not None else (" (line %d)" % line if line else "")
    return [type(e).__name__, msg + where, line, []]


def _learner_frames(tb):
    return [f for f in traceback.extract_tb(tb) if f.filename == PROGRAM_FILE]


def describe(e):
    """[type, message, line, traceback lines] of an uncaught exception."""
    if isinstance(e, SyntaxError) and getattr(e, "filename", None) == PROGRAM_FILE and not _learner_frames(e.__traceback__):
        return _syntax_error(e)
    frames = _learner_frames(e.__traceback__)
    line = frames[-1].lineno if frames else None
    tb = []
    if frames:
        tb.append("Traceback (most recent call last):")
        for f in frames:
            tb.append('  File "%s", line %d, in %s' % (f.filename, f.lineno, f.name))
            if f.line:
                tb.append("    " + f.line.strip())
    name = type(e).__name__
    if isinstance(e, KeyError) and len(e.args) == 1:
        message = repr(e.args[0])
    else:
        message = str(e)
    return [name, message, line, tb]


def run(source, seed):
    """Runs the program; returns None when it ended well, else [type, message, line, traceback]."""
    random.seed(seed)
    stdout = _Stream(B.write, "<stdout>")
    stderr = _Stream(B.writeErr, "<stderr>")
    saved = (sys.stdout, sys.stderr, builtins.print)
    sys.stdout, sys.stderr = stdout, stderr
    builtins.print = _make_print(B.printLine, stdout)
    try:
        try:
            code = compile(source, PROGRAM_FILE, "exec", dont_inherit=True)
        except SyntaxError as e:
            converted, first, count = convert_prints(source)
            if first is None:
                return _syntax_error(e)
            try:
                code = compile(converted, PROGRAM_FILE, "exec", dont_inherit=True)
            except SyntaxError as e2:
                return _syntax_error(e2)
            B.note(
                "python2-print",
                "Python 2 print statements (line %d%s) were run as Python 3 print() calls." % (first, " and %d more" % (count - 1) if count > 1 else ""),
                first,
            )
        # The program's source, for tracebacks.
        import linecache

        linecache.cache[PROGRAM_FILE] = (len(source), None, source.splitlines(True), PROGRAM_FILE)
        g = {"__name__": "__main__", "__builtins__": builtins, "__file__": PROGRAM_FILE, "__doc__": None}
        sys.modules["__main__"].__dict__.clear()
        sys.modules["__main__"].__dict__.update(g)
        try:
            exec(code, sys.modules["__main__"].__dict__)
        except SystemExit as e:
            if e.code is None or e.code == 0:
                return None
            return ["SystemExit", str(e.code), _learner_frames(e.__traceback__)[-1].lineno if _learner_frames(e.__traceback__) else None, []]
        except BaseException as e:
            return describe(e)
        return None
    finally:
        try:
            O.flush()
        finally:
            sys.stdout, sys.stderr, builtins.print = saved
