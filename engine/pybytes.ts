/**
 * Python 3's `bytes`, as `sess.run` returns a 0-d string tensor: TF's strings are bytes, so
 * `print(sess.run(tf.constant("Hello")))` shows `b'Hello'`. The engine keeps string tensors as
 * JS text; a PyBytes holds that text and shows it as its UTF-8 bytes.
 */
import { bytesRepr, utf8 } from "./format/numpy.js";
import { LookupError, PyTypeError, UnicodeDecodeError } from "./errors.js";
import { pyTypeName } from "./format/pytypes.js";

/**
 * A Python `bytes` value: what `sess.run` gives for a scalar string tensor.
 * @example
 * const b = sess.run(tf.constant("Hello, TensorFlow!"));
 * print(b);          // b'Hello, TensorFlow!'
 * print(b.decode()); // Hello, TensorFlow!
 */
export class PyBytes {
  constructor(
    /** The text whose UTF-8 encoding these bytes are. */
    readonly text: string,
  ) {}

  /**
   * The text these bytes encode (Python's `bytes.decode()`; UTF-8 and ASCII only).
   * @example
   * sess.run(tf.constant("héllo")).decode(); // "héllo"
   */
  decode(encoding: string = "utf-8"): string {
    const e = String(encoding).toLowerCase().replace(/_/g, "-");
    if (e === "utf-8" || e === "utf8") return this.text;
    if (e === "ascii") {
      const bytes = utf8(this.text);
      const at = bytes.findIndex((b) => b > 0x7f);
      if (at < 0) return this.text;
      throw new UnicodeDecodeError(`'ascii' codec can't decode byte 0x${bytes[at].toString(16)} in position ${at}: ordinal not in range(128)`);
    }
    throw new LookupError(`unknown encoding: ${encoding}`);
  }

  /** Python's `len(b)`: the number of bytes. */
  __len__(): number {
    return utf8(this.text).length;
  }

  /** Python's `repr(b)` (and `str(b)`): `b'ab'`, non-ASCII bytes as `\xc3`. */
  __repr__(): string {
    return bytesRepr(this.text);
  }

  __str__(): string {
    return this.__repr__();
  }

  /** As Python's `str(b)`, so a template string shows what `print` shows. */
  toString(): string {
    return this.__repr__();
  }

  /** JSON has no bytes: the text. */
  toJSON(): string {
    return this.text;
  }

}

/** Python's type name, for error texts and `type(b)`. */
Object.defineProperty(PyBytes.prototype, "__pytype__", { value: "bytes" });

/** `a + b` for bytes: bytes + bytes concatenates; bytes and anything else do not mix (Python's TypeErrors). */
export function addBytes(a: unknown, b: unknown): PyBytes {
  if (a instanceof PyBytes && b instanceof PyBytes) return new PyBytes(a.text + b.text);
  if (a instanceof PyBytes) throw new PyTypeError(`can't concat ${pyTypeName(b)} to bytes`);
  if (typeof a === "string") throw new PyTypeError('can only concatenate str (not "bytes") to str');
  throw new PyTypeError(`unsupported operand type(s) for +: '${pyTypeName(a)}' and 'bytes'`);
}
