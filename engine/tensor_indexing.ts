/**
 * Python's `t[i]` on tensors and variables: `__getitem__` builds TF's strided slice through the
 * program's `tf` namespace, and a Proxy behind the class's prototype turns `t[0]`, `t[-1]`
 * into it without slowing down ordinary property lookups.
 */
import { PyTypeError } from "./errors.js";
import type { Tensor } from "./graph_elements.js";

/** `tensor[spec]` through the program's `tf` namespace (which owns the slicing builders). */
export function getItem(t: Tensor, spec: unknown, variable: object | null = null): Tensor {
  const index = t.graph.ctx.indexTensor;
  if (index === null) throw new Error("Tensor indexing needs the tf namespace (createTF)");
  return index(t, spec, variable);
}

/** The text Python's `repr` gives a float index (`1.5`), for TF's TypeError. */
const SLICE_TYPE_ERROR = "Only integers, slices (`:`), ellipsis (`...`), tf.newaxis (`None`) and scalar tf.int32/tf.int64 tensors are valid indices";

/** A property key that is a JS number's text: `"0"`, `"-1"`, `"1.5"`. */
function numericKey(prop: string | symbol): number | null {
  if (typeof prop !== "string") return null;
  const c = prop.charCodeAt(0);
  // Digits or '-': everything else (method names, `then`, ...) leaves at once.
  if (!((c >= 48 && c <= 57) || c === 45)) return null;
  const n = Number(prop);
  return Number.isNaN(n) || (String(n) !== prop && prop !== "-0") ? null : n;
}

/**
 * Makes `t[0]`, `t[-1]` and `t[i][j]` on instances of `proto`'s class build TF's strided slice
 * of `toTensor(instance)`. A Proxy sits *behind* the prototype, so it is consulted only for
 * properties the instance and its class lack: every ordinary property and method is found
 * before it, and JavaScript arrays are untouched (their indexing costs nothing more).
 * Assigning to an index raises Python's TypeError, as TF does. For a variable's class,
 * `isVariable` makes the slices assignable (`v[0].assign(5)`).
 */
export function indexable(proto: object, toTensor: (self: object) => Tensor, typeName: string, isVariable = false): void {
  // A key the class lacks costs a trap call, and V8 cannot cache lookups through a Proxy. The
  // one such key on a training loop's path is Symbol.toPrimitive, looked up for every tensor
  // used as a computed key (`{[x]: 3}` in each step's feed dict): answer it here, with what
  // JavaScript's default conversion gives (toString, since valueOf returns the object).
  // (Tensor declares it as a method; Variable and any other indexable class get it here.)
  if (!Object.prototype.hasOwnProperty.call(proto, Symbol.toPrimitive)) {
    Object.defineProperty(proto, Symbol.toPrimitive, {
      value(this: { toString(): string }): string {
        return this.toString();
      },
      writable: true,
      configurable: true,
    });
  }
  const base = Object.getPrototypeOf(proto) as object;
  Object.setPrototypeOf(
    proto,
    new Proxy(base, {
      get(target, prop, receiver) {
        const n = numericKey(prop);
        if (n === null) return Reflect.get(target, prop, receiver);
        if (!Number.isInteger(n)) throw new PyTypeError(`${SLICE_TYPE_ERROR}, got ${String(prop)}`);
        return getItem(toTensor(receiver as object), n, isVariable ? (receiver as object) : null);
      },
      set(target, prop, value, receiver) {
        if (numericKey(prop) !== null) throw new PyTypeError(`'${typeName}' object does not support item assignment`);
        return Reflect.set(target, prop, value, receiver);
      },
    }),
  );
}
