/**
 * Python's operators on tensors as TF 1.x builds them (math_ops' `binary_op_wrapper`): `a + b`
 * opens scope `add`, converts a plain operand to a Const `y` (or `x` when it is on the left)
 * of the tensor's dtype, then builds the op in that scope. Shared by the learner's operator
 * runtime (operators.ts), the API builders that TF's Python writes with operators, and the
 * gradient builders: one copy of each operator.
 */
import { DType, float32, float64, int32, int64 } from "../dtypes.js";
import type { EngineContext } from "../context.js";
import { Tensor } from "../graph.js";
import { PyTypeError } from "../errors.js";
import { convertToTensor, isTensorLike, type TensorConvertible } from "./convert_tensor.js";
import { castTensor, op1, type Name } from "./build.js";

function asTensor(x: unknown): Tensor {
  return x instanceof Tensor ? x : (x as TensorConvertible)._as_tensor(false);
}

/**
 * TF 1.15's binary_op_wrapper around `build`, for a tensor-like `a` or `b`. Two tensors go to
 * the op as they are, and a plain right operand converts with the left's dtype as a hint
 * only (`int_t + 2.5` makes a float32 `add/y`): a dtype mismatch is then the op definition's
 * TypeError (`Input 'y' of 'Add' Op has type float32 that does not match type int32 of
 * argument 'x'.`), as in TF 1.15. A plain left operand (`2.5 + int_t`, Python's reflected
 * operator) must convert to the tensor's dtype.
 */
export function wrapBinary(ctx: EngineContext, opName: string, build: (x: Tensor, y: Tensor, scope: string) => Tensor, a: unknown, b: unknown): Tensor {
  const g = ctx.defaultGraph();
  return g.name_scope(opName, (scope) => {
    if (isTensorLike(a)) {
      const x = asTensor(a);
      const y = isTensorLike(b) ? asTensor(b) : convertToTensor(ctx, b, { preferredDtype: x.dtype.base_dtype, name: "y" });
      return build(x, y, scope);
    }
    const y = asTensor(b);
    const x = convertToTensor(ctx, a, { dtype: y.dtype.base_dtype, name: "x" });
    return build(x, y, scope);
  });
}

/** TF's `_TRUEDIV_TABLE`: int32 and int64 divide as float64, floats as themselves. */
const TRUEDIV: ReadonlyMap<DType, DType | null> = new Map<DType, DType | null>([
  [int32, float64],
  [int64, float64],
  [float32, null],
  [float64, null],
]);

/** Python's `repr` of a DType (`tf.int32`), as TF's TypeErrors print it with `%r`. */
function dtypeRepr(d: DType): string {
  return `tf.${d.name}`;
}

/** TF's `_truediv_python3`: int32 operands become float64 (`truediv/Cast`), floats divide as they are. */
export function truedivTensors(ctx: EngineContext, x: unknown, y: unknown, name: Name): Tensor {
  return ctx.defaultGraph().name_scope(name || "truediv", (scope) => {
    let xt = convertToTensor(ctx, x, { name: "x" });
    let yt = convertToTensor(ctx, y, { name: "y" });
    const xd = xt.dtype.base_dtype;
    const yd = yt.dtype.base_dtype;
    if (xd !== yd) throw new PyTypeError(`x and y must have the same dtype, got ${dtypeRepr(xd)} != ${dtypeRepr(yd)}`);
    if (!TRUEDIV.has(xd)) throw new PyTypeError(`Invalid dtype ${dtypeRepr(xd)} in __truediv__`);
    const to = TRUEDIV.get(xd)!;
    if (to !== null) {
      xt = castTensor(ctx, xt, to, null);
      yt = castTensor(ctx, yt, to, null);
    }
    return op1(ctx, "RealDiv", [xt, yt], {}, scope);
  });
}

/** `tf.logical_xor`, composed as TF does: `(x OR y) AND NOT (x AND y)`. */
export function logicalXor(ctx: EngineContext, x: unknown, y: unknown, name: Name): Tensor {
  const either = op1(ctx, "LogicalOr", [x, y]);
  const notBoth = op1(ctx, "LogicalNot", [op1(ctx, "LogicalAnd", [x, y])]);
  return op1(ctx, "LogicalAnd", [either, notBoth], {}, name || "LogicalXor");
}

/** The operators that build ops, for operands at least one of which is tensor-like. */
export const tensorOperators = {
  add: (ctx: EngineContext, a: unknown, b: unknown): Tensor => wrapBinary(ctx, "add", (x, y, s) => op1(ctx, "Add", [x, y], {}, s), a, b),
  sub: (ctx: EngineContext, a: unknown, b: unknown): Tensor => wrapBinary(ctx, "sub", (x, y, s) => op1(ctx, "Sub", [x, y], {}, s), a, b),
  mul: (ctx: EngineContext, a: unknown, b: unknown): Tensor => wrapBinary(ctx, "mul", (x, y, s) => op1(ctx, "Mul", [x, y], {}, s), a, b),
  truediv: (ctx: EngineContext, a: unknown, b: unknown): Tensor => wrapBinary(ctx, "truediv", (x, y, s) => truedivTensors(ctx, x, y, s), a, b),
  floordiv: (ctx: EngineContext, a: unknown, b: unknown): Tensor =>
    wrapBinary(ctx, "floordiv", (x, y, s) => ctx.defaultGraph().name_scope(s, (scope) => op1(ctx, "FloorDiv", [x, y], {}, scope)), a, b),
  mod: (ctx: EngineContext, a: unknown, b: unknown): Tensor => wrapBinary(ctx, "mod", (x, y, s) => op1(ctx, "FloorMod", [x, y], {}, s), a, b),
  pow: (ctx: EngineContext, a: unknown, b: unknown): Tensor =>
    wrapBinary(ctx, "pow", (x, y, s) => ctx.defaultGraph().name_scope(s, (scope) => op1(ctx, "Pow", [x, y], {}, scope)), a, b),
  and: (ctx: EngineContext, a: unknown, b: unknown): Tensor => wrapBinary(ctx, "and", (x, y, s) => op1(ctx, "LogicalAnd", [x, y], {}, s), a, b),
  or: (ctx: EngineContext, a: unknown, b: unknown): Tensor => wrapBinary(ctx, "or", (x, y, s) => op1(ctx, "LogicalOr", [x, y], {}, s), a, b),
  xor: (ctx: EngineContext, a: unknown, b: unknown): Tensor => wrapBinary(ctx, "xor", (x, y, s) => logicalXor(ctx, x, y, s), a, b),
  // Comparisons are not wrapped in TF: `a < 2` is `Less` with `Less/y`, and `2 < a` is
  // Python's reflected `a > 2`.
  lt: (ctx: EngineContext, a: unknown, b: unknown): Tensor => (isTensorLike(a) ? op1(ctx, "Less", [a, b]) : op1(ctx, "Greater", [b, a])),
  le: (ctx: EngineContext, a: unknown, b: unknown): Tensor => (isTensorLike(a) ? op1(ctx, "LessEqual", [a, b]) : op1(ctx, "GreaterEqual", [b, a])),
  gt: (ctx: EngineContext, a: unknown, b: unknown): Tensor => (isTensorLike(a) ? op1(ctx, "Greater", [a, b]) : op1(ctx, "Less", [b, a])),
  ge: (ctx: EngineContext, a: unknown, b: unknown): Tensor => (isTensorLike(a) ? op1(ctx, "GreaterEqual", [a, b]) : op1(ctx, "LessEqual", [b, a])),
  /** `-x`: `Neg` (Python's unary minus is not wrapped in a scope). */
  neg: (ctx: EngineContext, a: unknown): Tensor => op1(ctx, "Neg", [a]),
  /** `~x`: `LogicalNot`. */
  invert: (ctx: EngineContext, a: unknown): Tensor => op1(ctx, "LogicalNot", [a]),
};
