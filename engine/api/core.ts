/**
 * The basic node builders: constants, placeholders, identity, grouping, tf.Print.
 */
import { asDType, DTypeLike } from "../dtypes.js";
import { EngineContext } from "../context.js";
import { Operation, Tensor } from "../graph.js";
import { PyTypeError, ResourceExhaustedError, ValueError } from "../errors.js";
import { NDArray } from "../ndarray.js";
import { TensorShape, ShapeLike, asShape, sizeOf } from "../shape.js";
import { constantToNDArray } from "../convert.js";
import { OPS } from "../ops/registry.js";
import { applyOp } from "./apply.js";
import { convertToTensor, makeConst } from "./convert_tensor.js";
import { PyArgs, pyfunc } from "./pyargs.js";
import { allocData } from "../dtypes.js";

type Name = string | null;

/** `tf.constant`'s value with `shape`: broadcast a scalar, reshape, or pad with the last value (TF 1.x). */
function shapedValue(value: NDArray, shape: TensorShape | null, verify: boolean, maxElements: number): NDArray {
  if (shape === null) return value;
  if (!shape.is_fully_defined()) throw new PyTypeError(`Expected a fully defined shape, got ${shape}`);
  const dims = shape.as_list() as number[];
  const want = sizeOf(dims);
  // Checked before allocating: a typed array this big would fail with a bare RangeError, or
  // take the page's memory with it.
  if (want > maxElements) {
    throw new ResourceExhaustedError(
      `A constant of shape [${dims.join(",")}] would hold ${want} elements; the playground's limit is ${maxElements} elements per tensor.`,
    );
  }
  if (value.size === want) return new NDArray(value.dtype, dims, value.data);
  if (verify) throw new PyTypeError(`Expected Tensor's shape: ${shapeTupleOf(dims)}, got ${shapeTupleOf(value.shape)}.`);
  if (value.size > want) throw new ValueError(`Too many elements provided. Needed at most ${want}, but received ${value.size}`);
  // TF 1.x fills the rest with the last given value (the proto's repeated-field semantics).
  const data = allocData(value.dtype, want) as unknown as (number | string)[];
  const src = value.data as unknown as (number | string)[];
  for (let i = 0; i < want; i++) data[i] = value.size === 0 ? data[i] : src[Math.min(i, value.size - 1)];
  return new NDArray(value.dtype, dims, data as unknown as Float32Array);
}

function shapeTupleOf(d: readonly number[]): string {
  return d.length === 1 ? `(${d[0]},)` : `(${d.join(", ")})`;
}

/** Basic builders bound to a context. */
export function coreApi(ctx: EngineContext) {
  const g = () => ctx.defaultGraph();

  return {
    /**
     * A constant node. Whole numbers make int32, numbers with a decimal point float32.
     * @example
     * const two = tf.constant(2);        // Tensor("Const:0", shape=(), dtype=int32)
     * const v = tf.constant([1.0, 2.0]); // float32, shape (2,)
     * const z = tf.constant(0, tf.float32, [2, 3]);
     */
    constant: pyfunc(
      "constant",
      ["value", ["dtype", null], ["shape", null], ["name", "Const"], ["verify_shape", false]],
      (value: unknown, dtype: DTypeLike | null, shape: ShapeLike | null, name: Name, verify: boolean): Tensor => {
        const dt = dtype === null || dtype === undefined ? null : asDType(dtype);
        const arr = shapedValue(constantToNDArray(value, dt), shape === null || shape === undefined ? null : asShape(shape), verify, ctx.limits.maxElements);
        return makeConst(ctx, arr, name || "Const");
      },
    ) as (...args: PyArgs<[value: unknown], [dtype: DTypeLike | null, shape: ShapeLike, name: Name, verify_shape: boolean], { dtype?: DTypeLike | null; shape?: ShapeLike; name?: Name; verify_shape?: boolean }>) => Tensor,

    /**
     * A node whose value must be fed in every run that needs it.
     * @example
     * const x = tf.placeholder(tf.float32, [null, 3], "x");
     * sess.run(y, {feed_dict: {[x]: [[1, 2, 3]]}});
     */
    placeholder: pyfunc("placeholder", ["dtype", ["shape", null], ["name", null]], (dtype: DTypeLike, shape: ShapeLike | null, name: Name): Tensor => {
      const graph = g();
      const op = graph._createOp(OPS.get("Placeholder"), [], { dtype: asDType(dtype), shape: asShape(shape) }, graph.unique_name(name || "Placeholder"));
      return op.outputs[0];
    }) as (...args: PyArgs<[dtype: DTypeLike], [shape: ShapeLike, name: Name], { shape?: ShapeLike; name?: Name }>) => Tensor,

    /**
     * Passes `input` through unless a value is fed for it.
     * @example
     * const rate = tf.placeholder_with_default(0.5, []);
     */
    placeholder_with_default: pyfunc("placeholder_with_default", ["input", "shape", ["name", null]], (input: unknown, shape: ShapeLike, name: Name): Tensor => {
      const s = asShape(shape);
      return g().name_scope(name || "PlaceholderWithDefault", (scope) => {
        const t = convertToTensor(ctx, input, { name: "input" });
        if (!t.shape.is_compatible_with(s)) {
          throw new ValueError(`Shapes ${t.shape} and ${s} are incompatible`);
        }
        return g()._createOp(OPS.get("PlaceholderWithDefault"), [t], { dtype: t.dtype.base_dtype, shape: s }, scope.slice(0, -1)).outputs[0];
      });
    }) as (...args: PyArgs<[input: unknown, shape: ShapeLike], [name: Name], { name?: Name }>) => Tensor,

    /**
     * A new node with the same value as `input`.
     * @example
     * const y = tf.identity(x, "y");
     */
    identity: pyfunc("identity", ["input", ["name", null]], (input: unknown, name: Name): Tensor => applyOp(ctx, "Identity", [input], {}, name).outputs[0]) as (
      ...args: PyArgs<[input: unknown], [name: Name], { name?: Name }>
    ) => Tensor,

    /**
     * Stops gradients: the value passes through, `tf.gradients` treats it as a constant.
     * @example
     * const frozen = tf.stop_gradient(w);
     */
    stop_gradient: pyfunc("stop_gradient", ["input", ["name", null]], (input: unknown, name: Name): Tensor =>
      applyOp(ctx, "StopGradient", [input], {}, name).outputs[0],
    ) as (...args: PyArgs<[input: unknown], [name: Name], { name?: Name }>) => Tensor,

    /**
     * An op that does nothing (useful with control dependencies).
     * @example
     * const done = tf.no_op("done");
     */
    no_op: pyfunc("no_op", [["name", null]], (name: Name): Operation => applyOp(ctx, "NoOp", [], {}, name)) as (
      ...args: PyArgs<[], [name: Name], { name?: Name }>
    ) => Operation,

    /**
     * One op that runs all of `inputs` (a NoOp with control inputs), e.g. a combined update.
     * @example
     * const both = tf.group(assignA, assignB);
     * const named = tf.group(assignA, assignB, {name: "updates"});
     */
    group: (...args: unknown[]): Operation => {
      let name: Name = null;
      const last = args[args.length - 1];
      if (last !== null && typeof last === "object" && Object.getPrototypeOf(last) === Object.prototype) {
        const kw = last as { name?: Name };
        for (const k of Object.keys(kw)) if (k !== "name") throw new PyTypeError(`group() got an unexpected keyword argument '${k}'`);
        name = kw.name ?? null;
        args = args.slice(0, -1);
      }
      const inputs = args.flat(Infinity);
      return g().name_scope(name || "group_deps", (scope) => {
        const deps = inputs.map((x) => {
          const el = g().as_graph_element(x, true, true);
          return el instanceof Tensor ? el.op : el;
        });
        const op = g().control_dependencies(deps, () => applyOp(ctx, "NoOp", [], {}, scope));
        return op;
      });
    },

    /**
     * Identity on `input` that prints `data` to stderr whenever it runs (only when on the path).
     * @example
     * const checked = tf.Print(sum, [a, b], "a and b: ");
     */
    Print: pyfunc(
      "Print",
      ["input_", "data", ["message", null], ["first_n", null], ["summarize", null], ["name", null]],
      (input: unknown, data: unknown, message: string | null, firstN: number | null, summarize: number | null, name: Name): Tensor => {
        if (!Array.isArray(data)) throw new PyTypeError(`Expected list for 'data' argument to 'Print' Op, not ${String(data)}.`);
        return applyOp(
          ctx,
          "Print",
          [input, data],
          { message: message ?? "", first_n: firstN ?? -1, summarize: summarize ?? 3, U: [] },
          name,
        ).outputs[0];
      },
    ) as (
      ...args: PyArgs<
        [input_: unknown, data: unknown[]],
        [message: string | null, first_n: number | null, summarize: number | null, name: Name],
        { message?: string | null; first_n?: number | null; summarize?: number | null; name?: Name }
      >
    ) => Tensor,

    /**
     * Converts a value (number, nested array, NDArray, variable) to a tensor.
     * @example
     * const t = tf.convert_to_tensor([1, 2, 3]);
     */
    convert_to_tensor: pyfunc(
      "convert_to_tensor",
      ["value", ["dtype", null], ["name", null], ["preferred_dtype", null]],
      (value: unknown, dtype: DTypeLike | null, name: Name, preferred: DTypeLike | null): Tensor =>
        convertToTensor(ctx, value, { dtype: dtype ? asDType(dtype) : null, name, preferredDtype: preferred ? asDType(preferred) : null }),
    ) as (...args: PyArgs<[value: unknown], [dtype: DTypeLike | null, name: Name], { dtype?: DTypeLike | null; name?: Name; preferred_dtype?: DTypeLike | null }>) => Tensor,
  };
}

