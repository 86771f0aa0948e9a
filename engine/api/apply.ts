/**
 * TF's `op_def_library.apply_op`: opens the op's name scope, converts Python values to
 * constants named after their argument (`Add/y`), binds type attrs from the inputs and raises
 * TF's TypeErrors when inputs disagree, then adds the node.
 */
import { DType } from "../dtypes.js";
import { EngineContext } from "../context.js";
import { Attrs, Operation, Tensor, nameFromScopeName } from "../graph.js";
import { PyTypeError } from "../errors.js";
import type { AnyOpDef, InputSpec } from "../op.js";
import { OPS } from "../ops/registry.js";
import { convertToTensor, isTensorLike } from "./convert_tensor.js";
import { pyRepr } from "../format/python.js";
import { pyClassName } from "../format/pytypes.js";

/** Creates an op of `type` from `inputs` (one entry per declared input; arrays for list inputs). */
export function applyOp(ctx: EngineContext, type: string, inputs: readonly unknown[], attrs: Attrs = {}, name?: string | null): Operation {
  const def = OPS.get(type);
  const g = ctx.defaultGraph();
  return g.name_scope(name || type, (scope) => {
    const bound: Attrs = { ...attrs };
    const tensors: Tensor[] = [];
    def.inputs.forEach((spec, i) => {
      const v = inputs[i];
      if (spec.list) {
        if (!Array.isArray(v)) throw new PyTypeError(`Expected list for '${spec.name}' argument to '${type}' Op, not ${pyRepr(v)}.`);
        // TF's convert_n_to_tensor names the i-th converted item `<arg>_<i>` (`values_0`).
        v.forEach((item, i) => tensors.push(convertInput(ctx, def, spec, item, bound, `${spec.name}_${i}`)));
        if (spec.list) bound.N = v.length;
      } else {
        tensors.push(convertInput(ctx, def, spec, v, bound));
      }
    });
    return g._createOp(def, tensors, bound, nameFromScopeName(scope));
  });
}

function convertInput(ctx: EngineContext, def: AnyOpDef, spec: InputSpec, value: unknown, bound: Attrs, constName: string = spec.name): Tensor {
  const want = spec.typeAttr ? (bound[spec.typeAttr] as DType | undefined) : spec.dtype;
  let t: Tensor;
  if (spec.ref) {
    t = isTensorLike(value) ? (value instanceof Tensor ? value : value._as_tensor(true)) : (null as unknown as Tensor);
    if (!t || !t.dtype.is_ref) throw new PyTypeError(`Input '${spec.name}' of '${def.type}' Op requires l-value input`);
  } else if (isTensorLike(value)) {
    t = value instanceof Tensor ? value : value._as_tensor(false);
  } else {
    try {
      // An unbound type attr with a default (TF's default_type_attr_map) is the preferred dtype:
      // `[]` for a Reshape's shape is int32, not float32.
      const preferred = spec.typeAttr && !want ? def.typeAttrs?.[spec.typeAttr]?.default ?? null : null;
      t = convertToTensor(ctx, value, { dtype: want ?? null, name: constName, preferredDtype: preferred });
    } catch (e) {
      if (want && e instanceof TypeError) {
        throw new PyTypeError(
          `Expected ${want.name} passed to parameter '${spec.name}' of op '${def.type}', got ${pyRepr(value)} of type '${pyClassName(value)}' instead. Error: ${(e as Error).message}`,
        );
      }
      throw e;
    }
  }
  const dt = t.dtype.base_dtype;
  if (spec.typeAttr) {
    if (want && want !== dt) {
      const other = def.inputs.find((s) => s.typeAttr === spec.typeAttr && s !== spec)?.name ?? spec.typeAttr;
      throw new PyTypeError(`Input '${spec.name}' of '${def.type}' Op has type ${dt.name} that does not match type ${want.name} of argument '${other}'.`);
    }
    const allowed = def.typeAttrs?.[spec.typeAttr];
    if (allowed && !allowed.allowed.includes(dt)) {
      throw new PyTypeError(`Value passed to parameter '${spec.name}' has DataType ${dt.name} not in list of allowed values: ${allowed.tfList}`);
    }
    bound[spec.typeAttr] = dt;
  } else if (spec.dtype && spec.dtype !== dt) {
    throw new PyTypeError(`Input '${spec.name}' of '${def.type}' Op has type ${dt.name} that does not match expected type of ${spec.dtype.name}.`);
  }
  return t;
}
