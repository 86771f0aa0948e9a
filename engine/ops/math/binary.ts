/**
 * Broadcasting arithmetic: Add, Sub, Mul, RealDiv, FloorDiv, FloorMod, Pow, Maximum, Minimum,
 * SquaredDifference. Each is one declaration: dtypes (math_ops.cc), kernel (float32 results
 * rounded by their Float32Array, int32 wrapping as C++ does, int64 exact below 2^53) and TF 1.14's gradient from
 * math_grad.py, built node for node.
 */
import { DType } from "../../dtypes.js";
import { InvalidArgumentError } from "../../errors.js";
import { defineOp, elementFn, OpDef, TypeAttrSpec } from "../../op.js";
import { binaryBroadcast } from "../../kernels/elementwise.js";
import type { Operation, Tensor } from "../../graph.js";
import { broadcastShapeFn, dtypeOfT, TYPES } from "../support/common.js";
import { MATH_TYPES } from "../support/math_types.js";
import { unbroadcast, shapesFullySpecifiedAndEqual } from "../support/unbroadcast.js";
import type { GradientBuilders } from "../../gradients/builders.js";

type BinAttrs = { T: DType };
type F = (x: number, y: number) => number;


/**
 * Element functions of a binary op: `f` for floats (the Float32Array store rounds float32
 * results), `f32` where float32 must also round an intermediate, `i32` for int32, `i64` for
 * int64 where `f` does not give the whole-number result.
 */
interface Fns {
  f: F;
  f32?: F;
  i32: F;
  i64?: F;
}

/** Declares a broadcasting binary op; `check` raises errors the element loop recorded. */
function binaryOp(type: string, doc: string, types: TypeAttrSpec, fns: Fns, gradient: OpDef<BinAttrs>["gradient"], check?: (opName: string) => void): OpDef<BinAttrs> {
  const f32 = fns.f32 ?? fns.f;
  const form = { f: fns.f, f32, i32: fns.i32, i64: fns.i64 ?? fns.f };
  return defineOp<BinAttrs>({
    type,
    doc,
    inputs: [
      { name: "x", typeAttr: "T" },
      { name: "y", typeAttr: "T" },
    ],
    typeAttrs: { T: types },
    effects: [],
    inferDtype: dtypeOfT,
    inferShape: broadcastShapeFn,
    kernel: ([a, b], k) => {
      const out = binaryBroadcast(a, b, a.dtype, k, elementFn(form, a.dtype)!);
      if (check) check(k.op.name);
      return out;
    },
    // Ops whose element loop records errors (integer division by zero) have no scalar form.
    scalar: check ? undefined : form,
    gradient,
  });
}

// ---- element functions (module constants: kernels run them without allocating) ----

const add: F = (x, y) => x + y;
const addInt: F = (x, y) => (x + y) | 0;
const sub: F = (x, y) => x - y;
const subInt: F = (x, y) => (x - y) | 0;
const mul: F = (x, y) => x * y;
const div: F = (x, y) => x / y;
/** RealDiv has no int32 kernel in TF; C++ truncating division stands in for it. */
const divInt: F = (x, y) => (y === 0 ? 0 : (x / y) | 0);
const divInt64: F = (x, y) => (y === 0 ? 0 : Math.trunc(x / y));

/** Set by an int32 division or modulo by zero during one kernel call (TF checks after the loop). */
let divisionByZero = false;
const checkDivision = (opName: string) => {
  if (divisionByZero) {
    divisionByZero = false;
    throw new InvalidArgumentError("Integer division by zero", opName);
  }
};

/** TF's `google_floor_div` for ints: rounds toward negative infinity, as Python's `//`. */
const floorDivInt: F = (x, y) => {
  if (y === 0) {
    divisionByZero = true;
    return 0;
  }
  if (x < 0 !== y < 0) {
    const ax = Math.abs(x);
    const ay = Math.abs(y);
    return -Math.trunc((ax + ay - 1) / ay) | 0;
  }
  return Math.trunc(x / y) | 0;
};
/** `floorDivInt` for int64 (whole numbers in doubles): the quotient corrected by its remainder. */
const floorDivInt64: F = (x, y) => {
  if (y === 0) {
    divisionByZero = true;
    return 0;
  }
  let q = Math.floor(x / y);
  const r = x - q * y;
  if (y > 0 ? r < 0 : r > 0) q -= 1;
  else if (y > 0 ? r >= y : r <= y) q += 1;
  return q;
};
/** `floor(x / y)` with the quotient rounded to the operands' precision first (float32 stores round again). */
const floorDivF32: F = (x, y) => Math.floor(Math.fround(x / y));
const floorDivF64: F = (x, y) => Math.floor(x / y);

/** TF's `google_floor_mod`/`google_floor_fmod`: the C remainder, moved into the divisor's sign. */
const floorModInt: F = (x, y) => {
  if (y === 0) {
    divisionByZero = true;
    return 0;
  }
  const r = x % y;
  return (x < 0) === (y < 0) ? r : ((r + y) % y) | 0;
};
const floorModInt64: F = (x, y) => {
  if (y === 0) {
    divisionByZero = true;
    return 0;
  }
  const r = x % y;
  return r !== 0 && r < 0 !== y < 0 ? r + y : r;
};
const floorModF32: F = (x, y) => {
  const r = x % y;
  return (x < 0) === (y < 0) ? r : Math.fround(r + y) % y;
};
const floorModF64: F = (x, y) => {
  const r = x % y;
  return (x < 0) === (y < 0) ? r : (r + y) % y;
};

/** TF's `div_no_nan`: 0 where `y` is 0. */
const divNoNan: F = (x, y) => (y === 0 ? 0 : x / y);

/** `std::max` / `std::min`: `(x < y) ? y : x` and `(y < x) ? y : x` (NaN handling included). */
const maximum: F = (x, y) => (x < y ? y : x);
const minimum: F = (x, y) => (y < x ? y : x);

const squaredDiffF32: F = (x, y) => {
  const d = Math.fround(x - y);
  return d * d;
};
const squaredDiffF64: F = (x, y) => (x - y) * (x - y);
const squaredDiffInt: F = (x, y) => {
  const d = (x - y) | 0;
  return Math.imul(d, d);
};

let negativePower = false;
/** Integer power by squaring, wrapping like C++; TF refuses negative exponents. */
const powInt: F = (x, y) => {
  if (y < 0) {
    negativePower = true;
    return 0;
  }
  let result = 1;
  let base = x | 0;
  let e = y;
  while (e > 0) {
    if (e & 1) result = Math.imul(result, base);
    base = Math.imul(base, base);
    e >>>= 1;
  }
  return result;
};
/** `powInt` for int64: no wrapping (exact below 2^53). */
const powInt64: F = (x, y) => {
  if (y < 0) {
    negativePower = true;
    return 0;
  }
  let result = 1;
  let base = x;
  let e = y;
  while (e > 0) {
    if (e % 2 === 1) result *= base;
    base *= base;
    e = Math.floor(e / 2);
  }
  return result;
};
const checkPower = (opName: string) => {
  if (negativePower) {
    negativePower = false;
    throw new InvalidArgumentError("Integers to negative integer powers are not allowed", opName);
  }
};

// ---- gradients ----

/** `Shape`, `Shape_1`, `BroadcastGradientArgs` as TF's binary gradients begin. */
function shapesAndArgs(op: Operation, b: GradientBuilders): { sx: Tensor; sy: Tensor; rx: Tensor; ry: Tensor } {
  const tf = b.tf;
  const [x, y] = op.inputs;
  const sx = tf.shape(x);
  const sy = tf.shape(y);
  const [rx, ry] = tf.broadcast_gradient_args(sx, sy);
  return { sx, sy, rx, ry };
}

export const Add = binaryOp("Add", "Elementwise `x + y` with broadcasting (string concatenation for strings).", TYPES.numberAndString, { f: add, i32: addInt }, (op, [g], b) => {
  // TF's _AddGrad.
  const [x, y] = op.inputs;
  if (shapesFullySpecifiedAndEqual(x, y, g!)) return [g, g];
  return unbroadcast(op, g!, g!, b);
});

export const Sub = binaryOp("Sub", "Elementwise `x - y` with broadcasting.", MATH_TYPES.binaryMore, { f: sub, i32: subInt }, (op, [g], b) => {
  // TF's _SubGrad: the negation comes after the reduction (`-reduce_sum(grad, ry)`).
  const tf = b.tf;
  const [x, y] = op.inputs;
  if (shapesFullySpecifiedAndEqual(x, y, g!)) return [g, tf.negative(g!)];
  const { sx, sy, rx, ry } = shapesAndArgs(op, b);
  const gx = tf.reshape(tf.reduce_sum(g!, rx), sx);
  const gy = tf.reshape(tf.negative(tf.reduce_sum(g!, ry)), sy);
  return [gx, gy];
});

export const Mul = binaryOp("Mul", "Elementwise `x * y` with broadcasting.", MATH_TYPES.binaryMore, { f: mul, i32: Math.imul }, (op, [g], b) => {
  // TF's _MulGrad: the equal-shapes shortcut only for float32 and int32 gradients.
  const tf = b.tf;
  const [x, y] = op.inputs;
  const dt = g!.dtype.base_dtype;
  if (shapesFullySpecifiedAndEqual(x, y, g!) && (dt.name === "int32" || dt.name === "float32")) {
    return [tf.multiply(g!, y), tf.multiply(g!, x)];
  }
  const { sx, sy, rx, ry } = shapesAndArgs(op, b);
  const gx = tf.reshape(tf.reduce_sum(tf.multiply(g!, y), rx), sx);
  const gy = tf.reshape(tf.reduce_sum(tf.multiply(x, g!), ry), sy);
  return [gx, gy];
});

export const RealDiv = binaryOp("RealDiv", "Elementwise `x / y` for real numbers, with broadcasting.", MATH_TYPES.binaryMore, { f: div, i32: divInt, i64: divInt64 }, (op, [g], b) => {
  // TF 1.14's _RealDivGrad: gx = sum(grad / y), gy = sum(grad * ((-x / y) / y)).
  const tf = b.tf;
  const rt = b.py;
  const [x, y] = op.inputs;
  const { sx, sy, rx, ry } = shapesAndArgs(op, b);
  const gx = tf.reshape(tf.reduce_sum(tf.realdiv(g!, y), rx), sx);
  const gy = tf.reshape(tf.reduce_sum(rt.mul(g!, tf.realdiv(tf.realdiv(rt.neg(x), y), y)), ry), sy);
  return [gx, gy];
});

export const DivNoNan = binaryOp(
  "DivNoNan",
  "Elementwise `x / y`, or 0 where `y` is 0.",
  { allowed: MATH_TYPES.unaryReal.allowed, tfList: "float16, float32, float64, complex64, complex128" },
  { f: divNoNan, i32: divNoNan },
  (op, [g], b) => {
    // TF 1.14's _DivNoNanGrad.
    const tf = b.tf;
    const rt = b.py;
    const [x, y] = op.inputs;
    const { sx, sy, rx, ry } = shapesAndArgs(op, b);
    const gx = tf.reshape(tf.reduce_sum(b.gen("DivNoNan", [g!, y]), rx), sx);
    const gy = tf.reshape(tf.reduce_sum(rt.mul(g!, b.gen("DivNoNan", [b.gen("DivNoNan", [rt.neg(x), y]), y])), ry), sy);
    return [gx, gy];
  },
);

export const FloorDiv = binaryOp(
  "FloorDiv",
  "Elementwise `x // y`: the quotient rounded toward negative infinity (Python's `//`).",
  MATH_TYPES.binaryMore,
  { f: floorDivF64, f32: floorDivF32, i32: floorDivInt, i64: floorDivInt64 },
  // TF's _FloorDivGrad returns no gradients.
  () => [null, null],
  checkDivision,
);

export const FloorMod = binaryOp(
  "FloorMod",
  "Elementwise `x % y` with the sign of `y` (Python's `%`).",
  MATH_TYPES.floorMod,
  { f: floorModF64, f32: floorModF32, i32: floorModInt, i64: floorModInt64 },
  (op, [g], b) => {
    // TF's _FloorModGrad: (grad, -grad * floor(x / y)).
    const tf = b.tf;
    const rt = b.py;
    const [x, y] = op.inputs;
    const { sx, sy, rx, ry } = shapesAndArgs(op, b);
    const floorXY = tf.floor_div(x, y);
    const gx = tf.reshape(tf.reduce_sum(g!, rx), sx);
    const gy = tf.reshape(tf.reduce_sum(rt.mul(g!, tf.negative(floorXY)), ry), sy);
    return [gx, gy];
  },
  checkDivision,
);

export const Pow = binaryOp(
  "Pow",
  "Elementwise `x` to the power `y`, with broadcasting.",
  MATH_TYPES.pow,
  { f: Math.pow, i32: powInt, i64: powInt64 },
  (op, [g], b) => {
    // TF 1.14's _PowGrad: gx = grad * y * x^(y-1); gy = grad * z * log(x) where x > 0, else 0.
    const tf = b.tf;
    const rt = b.py;
    const [x, y] = op.inputs;
    const z = op.outputs[0];
    const { sx, sy, rx, ry } = shapesAndArgs(op, b);
    const gx = tf.reshape(tf.reduce_sum(rt.mul(rt.mul(g!, y), tf.pow(x, rt.sub(y, 1))), rx), sx);
    const mask = tf.greater(x, 0);
    const safeX = tf.where(mask, x, tf.ones_like(x));
    const logX = tf.where(mask, tf.log(safeX), tf.zeros_like(x));
    const gy = tf.reshape(tf.reduce_sum(rt.mul(rt.mul(g!, z), logX), ry), sy);
    return [gx, gy];
  },
  checkPower,
);

/** TF's _MaximumMinimumGrad: the gradient goes to x where `selector(x, y)` holds, else to y. */
function maxMinGrad(op: Operation, g: Tensor, selector: "greater_equal" | "less_equal", b: GradientBuilders): (Tensor | null)[] {
  const tf = b.tf;
  const [x, y] = op.inputs;
  const gdtype = g.dtype.base_dtype;
  const sx = tf.shape(x);
  const sy = tf.shape(y);
  const gradshape = tf.shape(g);
  const zeros = tf.zeros(gradshape, gdtype);
  const xmask = tf[selector](x, y);
  const [rx, ry] = tf.broadcast_gradient_args(sx, sy);
  const xgrad = tf.where(xmask, g, zeros);
  const ygrad = tf.where(xmask, zeros, g);
  const gx = tf.reshape(tf.reduce_sum(xgrad, rx), sx);
  const gy = tf.reshape(tf.reduce_sum(ygrad, ry), sy);
  return [gx, gy];
}

export const Maximum = binaryOp("Maximum", "Elementwise larger of `x` and `y`, with broadcasting.", MATH_TYPES.maxMin, { f: maximum, i32: maximum }, (op, [g], b) =>
  maxMinGrad(op, g!, "greater_equal", b),
);

export const Minimum = binaryOp("Minimum", "Elementwise smaller of `x` and `y`, with broadcasting.", MATH_TYPES.maxMin, { f: minimum, i32: minimum }, (op, [g], b) =>
  maxMinGrad(op, g!, "less_equal", b),
);

export const SquaredDifference = binaryOp(
  "SquaredDifference",
  "Elementwise `(x - y) * (x - y)`, with broadcasting.",
  MATH_TYPES.binaryFewer,
  { f: squaredDiffF64, f32: squaredDiffF32, i32: squaredDiffInt },
  (op, [g], b) => {
    // TF 1.14's _SquaredDifferenceGrad: x_grad = (2 * grad) * (x - y) after grad is ready.
    const tf = b.tf;
    const rt = b.py;
    const [x, y] = op.inputs;
    const { sx, sy, rx, ry } = shapesAndArgs(op, b);
    const xGrad = op.graph.control_dependencies([g!], () => rt.mul(tf.scalar_mul(2.0, g!), rt.sub(x, y)));
    const gx = tf.reshape(tf.reduce_sum(xGrad, rx), sx);
    const gy = tf.negative(tf.reshape(tf.reduce_sum(xGrad, ry), sy));
    return [gx, gy];
  },
);
