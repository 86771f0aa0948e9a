/**
 * Small pieces the `tf` API modules (engine/api/tf/) share: the `name` parameter's type, one-output
 * op application, `tf.group`'s NoOp and `tf.constant`'s shaping of its value. Not members of the
 * namespace themselves.
 */
import { allocData, asDType, type DTypeLike } from "../dtypes.js";
import type { EngineContext } from "../context.js";
import { Operation, Tensor, nameFromScopeName } from "../graph.js";
import { OPS } from "../ops/registry.js";
import { PyTypeError, ResourceExhaustedError, ValueError } from "../errors.js";
import { NDArray } from "../ndarray.js";
import { asShape, sizeOf } from "../shape.js";
import { applyOp } from "./apply.js";
import { convertToTensor } from "./convert_tensor.js";
import { pyfunc } from "./pyargs.js";

/** The `name` parameter of TF's builders: null (or "") takes the op's default name. */
export type Name = string | null;

/** Applies op `type` and returns its first output (what most builders return). */
export function op1(ctx: EngineContext, type: string, inputs: readonly unknown[], attrs: Record<string, unknown> = {}, name: Name = null): Tensor {
  return applyOp(ctx, type, inputs, attrs, name).outputs[0];
}

/**
 * A Const named exactly `scope` without its trailing slash, as TF's `constant(value,
 * name="Shape/")` inside `name_scope("Shape")` makes one.
 */
export function constNamed(ctx: EngineContext, value: NDArray, scope: string): Tensor {
  return ctx.defaultGraph()._createOp(OPS.get("Const"), [], { value, dtype: value.dtype }, nameFromScopeName(scope)).outputs[0];
}

/**
 * `tf.tuple`: each tensor through an Identity (`control_dependency`) that waits for a NoOp
 * gating all of them (and `controlInputs`); an op gets a gated NoOp.
 */
export function tupleOf<T extends Tensor | null>(ctx: EngineContext, tensors: readonly T[], name: Name = null, controlInputs: unknown[] | null = null): T[] {
  const g = ctx.defaultGraph();
  return g.name_scope(name || "tuple", (): T[] => {
    const gating = new Set<Operation>();
    for (const t of tensors as readonly unknown[]) if (t !== null && t !== undefined) gating.add(t instanceof Operation ? t : (t as Tensor).op);
    for (const c of controlInputs ?? []) gating.add(c instanceof Tensor ? c.op : (c as Operation));
    if (gating.size === 0) throw new ValueError(`Must have at least one Tensor: ${tensors}`);
    const sorted = [...gating].sort((a, b) => a.id - b.id);
    const gate = groupOps(ctx, sorted);
    return (tensors as readonly (Tensor | Operation | null)[]).map((t): T => {
      if (t === null || t === undefined) return null as T;
      if (t instanceof Operation) return g.control_dependencies([gate], (): Operation => groupOps(ctx, [t])) as unknown as T;
      return g.name_scope("control_dependency", (scope): Tensor =>
        g.control_dependencies([gate], (): Tensor => applyOp(ctx, "Identity", [t], {}, scope).outputs[0]),
      ) as T;
    });
  });
}

/** TF's `cast`: a tensor already of `dtype` is returned as is; otherwise a `Cast` op (in scope `defaultName`). */
export function castTensor(ctx: EngineContext, x: unknown, dtype: DTypeLike, name: Name, defaultName = "Cast"): Tensor {
  const base = asDType(dtype);
  if (x instanceof Tensor && x.dtype === base) return x;
  return ctx.defaultGraph().name_scope(name || defaultName, (scope) => {
    const t = convertToTensor(ctx, x, { name: "x" });
    if (t.dtype.base_dtype === base) return t;
    return op1(ctx, "Cast", [t], { SrcT: t.dtype.base_dtype, DstT: base, Truncate: false }, scope);
  });
}

/** `tf.group(*inputs, name)`: a NoOp (named `group_deps` by default) waiting for every input's op. */
export function groupOps(ctx: EngineContext, inputs: readonly unknown[], name: Name = null): Operation {
  const g = ctx.defaultGraph();
  return g.name_scope(name || "group_deps", (scope) => {
    const deps = inputs.map((x) => {
      const el = g.as_graph_element(x, true, true);
      return el instanceof Tensor ? el.op : el;
    });
    return g.control_dependencies(deps, () => applyOp(ctx, "NoOp", [], {}, scope));
  });
}

/**
 * `tf.constant`'s value with `shape`: broadcast a scalar, reshape, or pad with the last value
 * (TF 1.x). Checked in make_tensor_proto's order: the product of the dims as given is compared
 * with the value's size before the dims are checked as a shape, so `tf.constant(1.0,
 * shape=[-1])` — and `tf.ones([-1])`, a Const underneath — raise "Too many elements
 * provided. Needed at most -1, but received 1", and `[-1, -1]` (product 1) "Dimension -1 must
 * be >= 0".
 */
export function shapedValue(value: NDArray, shapeArg: unknown, verify: boolean, maxElements: number): NDArray {
  if (shapeArg === null || shapeArg === undefined) return value;
  const given = givenDims(shapeArg);
  if (given !== null && given.some((d) => d < 0)) {
    const product = given.reduce((a, b) => a * b, 1);
    if (verify && given.join() !== value.shape.join()) throw new PyTypeError(`Expected Tensor's shape: ${shapeTupleOf(given)}, got ${shapeTupleOf(value.shape)}.`);
    if (product !== 0 && value.size > product) throw new ValueError(`Too many elements provided. Needed at most ${product}, but received ${value.size}`);
  }
  const shape = asShape(shapeArg);
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
  // make_tensor_proto's `np.empty(shape)` when the shape holds no elements, whatever the value.
  if (want === 0) return new NDArray(value.dtype, dims, allocData(value.dtype, 0) as unknown as Float32Array);
  if (verify) throw new PyTypeError(`Expected Tensor's shape: ${shapeTupleOf(dims)}, got ${shapeTupleOf(value.shape)}.`);
  if (value.size > want) throw new ValueError(`Too many elements provided. Needed at most ${want}, but received ${value.size}`);
  // TF 1.x fills the rest with the last given value (the proto's repeated-field semantics).
  const data = allocData(value.dtype, want) as unknown as (number | string)[];
  const src = value.data as unknown as (number | string)[];
  for (let i = 0; i < want; i++) data[i] = value.size === 0 ? data[i] : src[Math.min(i, value.size - 1)];
  return new NDArray(value.dtype, dims, data as unknown as Float32Array);
}

/** The dims of a shape given as ints (a list, or one int), as make_tensor_proto's `[int(d) for d in shape]`. */
function givenDims(shape: unknown): number[] | null {
  const isInt = (d: unknown) => typeof d === "number" || d instanceof Number;
  if (isInt(shape)) return [Number(shape)];
  return Array.isArray(shape) && shape.every(isInt) ? shape.map(Number) : null;
}

function shapeTupleOf(d: readonly number[]): string {
  return d.length === 1 ? `(${d[0]},)` : `(${d.join(", ")})`;
}

/** TF's `deprecation.deprecated_argument_lookup`: the old name's value if given (not both). */
export function deprecatedArgumentLookup<T>(newName: string, newValue: T | null | undefined, oldName: string, oldValue: T | null | undefined): T | null {
  if (oldValue !== null && oldValue !== undefined) {
    if (newValue !== null && newValue !== undefined) throw new ValueError(`Cannot specify both '${oldName}' and '${newName}'`);
    return oldValue;
  }
  return newValue ?? null;
}

/** The declaration of `tf.<fname>(x, y, name)`: op `type` on two inputs. */
export function binaryBuilder(fname: string, type: string) {
  return pyfunc(fname, ["x", "y", "name"], (ctx: EngineContext, x: unknown, y: unknown, name: Name = null): Tensor => op1(ctx, type, [x, y], {}, name));
}

/** The declaration of `tf.<fname>(x, name)`: op `type` on one input. */
export function unaryBuilder(fname: string, type: string) {
  return pyfunc(fname, ["x", "name"], (ctx: EngineContext, x: unknown, name: Name = null): Tensor => op1(ctx, type, [x], {}, name));
}

/** A unary declaration whose Python wrapper opens the scope first (`with name_scope(name, "Abs")`). */
export function scopedUnaryBuilder(fname: string, type: string) {
  return pyfunc(fname, ["x", "name"], (ctx: EngineContext, x: unknown, name: Name = null): Tensor =>
    ctx.defaultGraph().name_scope(name || type, (scope) => op1(ctx, type, [convertToTensor(ctx, x, { name: "x" })], {}, scope)),
  );
}
