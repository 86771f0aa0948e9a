/**
 * The optimizers' update ops (TF's training_ops): each writes its variable (and slots) in
 * place — the side effect a training step exists for. Arithmetic follows TF's kernels
 * (training_ops.cc) step by step, rounding to float32 after each operation for float32.
 */
import { DType } from "../../dtypes.js";
import { InvalidArgumentError } from "../../errors.js";
import { KernelContext, NO_GRADIENT, VariableCell, defineOp, InputSpec } from "../../op.js";
import { NDArray } from "../../ndarray.js";
import { sameShape } from "../../shape.js";
import { TYPES, dtypeOfT } from "../support/common.js";
import { uninitialized } from "./variables.js";

type Attrs = { T: DType; use_locking: boolean; use_nesterov?: boolean };

/** Identity for float64, float32 rounding for float32: TF's kernels compute in T. */
function rounder(dtype: DType): (x: number) => number {
  return dtype.name === "float32" ? Math.fround : (x: number) => x;
}

function shapeText(a: NDArray): string {
  return `[${a.shape.join(",")}]`;
}

/** The current value of a ref input, failing as TF does when uninitialized. */
function refValue(k: KernelContext<Attrs>, i: number): { cell: VariableCell; value: NDArray } {
  const cell = k.cell(i);
  if (cell.value === null) throw uninitialized(cell, cell.name);
  return { cell, value: cell.value };
}

function requireScalar(k: KernelContext<Attrs>, name: string, a: NDArray): number {
  if (a.shape.length !== 0) throw new InvalidArgumentError(`${name} is not a scalar: ${shapeText(a)}`, k.op.name);
  return (a.data as Float32Array)[0];
}

function requireSameShape(k: KernelContext<Attrs>, what: string, a: NDArray, b: NDArray): void {
  if (!sameShape(a.shape, b.shape)) {
    throw new InvalidArgumentError(`${what} do not have the same shape${shapeText(a)} ${shapeText(b)}`, k.op.name);
  }
}

/**
 * Runs `update` on the variable's data, reporting before/after values when recording. Only the
 * variable's summary is recorded (slots are internal to the optimizer).
 */
function updateVariable(k: KernelContext<Attrs>, cell: VariableCell, value: NDArray, update: () => void): NDArray {
  const before = k.recording ? k.summarize(value) : undefined;
  update();
  if (k.recording) k.effect("update", cell.name, before, k.summarize(value));
  return value;
}

const ref = (name: string): InputSpec => ({ name, typeAttr: "T", ref: true });
const val = (name: string): InputSpec => ({ name, typeAttr: "T" });

export const ApplyGradientDescent = defineOp<Attrs>({
  type: "ApplyGradientDescent",
  doc: "Gradient descent step: `var -= alpha * delta`, in place (the optimizer's side effect).",
  inputs: [ref("var"), val("alpha"), val("delta")],
  typeAttrs: { T: TYPES.float },
  effects: ["writes-variable"],
  // var - round(delta * alpha), as the kernel computes it.
  scalarUpdate: { effect: "update", f: (o, a, b) => o - b * a, f32: (o, a, b) => o - Math.fround(b * a) },
  inferDtype: dtypeOfT,
  inferShape: (c) => [c.shapes[0].merge_with(c.shapes[2])],
  // The one update of every plain training step: written without helper objects or closures.
  kernel: (inputs, k) => {
    const alpha = inputs[1];
    const delta = inputs[2];
    const cell = k.cell(0);
    const value = cell.value;
    if (value === null) throw uninitialized(cell, cell.name);
    const lr = requireScalar(k, "alpha", alpha);
    requireSameShape(k, "var and delta", value, delta);
    const f32 = value.dtype.name === "float32";
    const v = value.data as Float32Array;
    const d = delta.data as Float32Array;
    const before = k.recording ? k.summarize(value) : undefined;
    if (v.length === 1) v[0] = v[0] - (f32 ? Math.fround(d[0] * lr) : d[0] * lr);
    else if (f32) for (let i = 0; i < v.length; i++) v[i] = v[i] - Math.fround(d[i] * lr);
    else for (let i = 0; i < v.length; i++) v[i] = v[i] - d[i] * lr;
    if (k.recording) k.effect("update", cell.name, before, k.summarize(value));
    return value;
  },
  gradient: NO_GRADIENT,
});

export const ApplyMomentum = defineOp<Attrs>({
  type: "ApplyMomentum",
  doc: "Momentum step: `accum = accum * momentum + grad; var -= lr * accum` (or the Nesterov form), in place.",
  inputs: [ref("var"), ref("accum"), val("lr"), val("grad"), val("momentum")],
  typeAttrs: { T: TYPES.float },
  effects: ["writes-variable"],
  inferDtype: dtypeOfT,
  inferShape: (c) => [c.shapes[0].merge_with(c.shapes[1]).merge_with(c.shapes[3])],
  kernel: ([, , lrT, grad, momT], k) => {
    const { cell, value } = refValue(k, 0);
    const accum = refValue(k, 1).value;
    const lr = requireScalar(k, "lr", lrT);
    const mom = requireScalar(k, "momentum", momT);
    requireSameShape(k, "var and accum", value, accum);
    requireSameShape(k, "var and grad", value, grad);
    const r = rounder(value.dtype);
    const v = value.data as Float32Array;
    const a = accum.data as Float32Array;
    const g = grad.data as Float32Array;
    const nesterov = k.attrs.use_nesterov === true;
    return updateVariable(k, cell, value, () => {
      for (let i = 0; i < v.length; i++) {
        a[i] = r(r(a[i] * mom) + g[i]);
        v[i] = nesterov ? r(v[i] - r(r(g[i] * lr) + r(r(a[i] * mom) * lr))) : r(v[i] - r(a[i] * lr));
      }
    });
  },
  gradient: NO_GRADIENT,
});

export const ApplyAdam = defineOp<Attrs>({
  type: "ApplyAdam",
  doc: "Adam step: updates the moment slots m and v, then `var -= alpha * m / (sqrt(v) + epsilon)`, in place.",
  inputs: [ref("var"), ref("m"), ref("v"), val("beta1_power"), val("beta2_power"), val("lr"), val("beta1"), val("beta2"), val("epsilon"), val("grad")],
  typeAttrs: { T: TYPES.float },
  effects: ["writes-variable"],
  inferDtype: dtypeOfT,
  inferShape: (c) => [c.shapes[0].merge_with(c.shapes[1]).merge_with(c.shapes[2]).merge_with(c.shapes[9])],
  kernel: ([, , , b1pT, b2pT, lrT, b1T, b2T, epsT, grad], k) => {
    const { cell, value } = refValue(k, 0);
    const m = refValue(k, 1).value;
    const vv = refValue(k, 2).value;
    const b1p = requireScalar(k, "beta1_power", b1pT);
    const b2p = requireScalar(k, "beta2_power", b2pT);
    const lr = requireScalar(k, "lr", lrT);
    const b1 = requireScalar(k, "beta1", b1T);
    const b2 = requireScalar(k, "beta2", b2T);
    const eps = requireScalar(k, "epsilon", epsT);
    requireSameShape(k, "var and m", value, m);
    requireSameShape(k, "var and v", value, vv);
    requireSameShape(k, "var and grad", value, grad);
    const r = rounder(value.dtype);
    const w = value.data as Float32Array;
    const md = m.data as Float32Array;
    const vd = vv.data as Float32Array;
    const g = grad.data as Float32Array;
    const alpha = r(r(lr * r(Math.sqrt(r(1 - b2p)))) / r(1 - b1p));
    const nesterov = k.attrs.use_nesterov === true;
    return updateVariable(k, cell, value, () => {
      for (let i = 0; i < w.length; i++) {
        md[i] = r(md[i] + r(r(g[i] - md[i]) * r(1 - b1)));
        vd[i] = r(vd[i] + r(r(r(g[i] * g[i]) - vd[i]) * r(1 - b2)));
        const num = nesterov ? r(r(r(g[i] * r(1 - b1)) + r(b1 * md[i])) * alpha) : r(md[i] * alpha);
        w[i] = r(w[i] - r(num / r(r(Math.sqrt(vd[i])) + eps)));
      }
    });
  },
  gradient: NO_GRADIENT,
});

export const ApplyRMSProp = defineOp<Attrs>({
  type: "ApplyRMSProp",
  doc: "RMSProp step: `ms += (grad² - ms)(1 - rho); mom = mom·momentum + lr·grad/√(ms + ε); var -= mom`, in place.",
  inputs: [ref("var"), ref("ms"), ref("mom"), val("lr"), val("rho"), val("momentum"), val("epsilon"), val("grad")],
  typeAttrs: { T: TYPES.float },
  effects: ["writes-variable"],
  inferDtype: dtypeOfT,
  inferShape: (c) => [c.shapes[0].merge_with(c.shapes[1]).merge_with(c.shapes[2]).merge_with(c.shapes[7])],
  kernel: ([, , , lrT, rhoT, momT, epsT, grad], k) => {
    const { cell, value } = refValue(k, 0);
    const ms = refValue(k, 1).value;
    const mom = refValue(k, 2).value;
    const lr = requireScalar(k, "lr", lrT);
    const rho = requireScalar(k, "rho", rhoT);
    const momentum = requireScalar(k, "momentum", momT);
    const eps = requireScalar(k, "epsilon", epsT);
    requireSameShape(k, "var and ms", value, ms);
    requireSameShape(k, "var and mom", value, mom);
    requireSameShape(k, "var and grad", value, grad);
    const r = rounder(value.dtype);
    const w = value.data as Float32Array;
    const s = ms.data as Float32Array;
    const mo = mom.data as Float32Array;
    const g = grad.data as Float32Array;
    return updateVariable(k, cell, value, () => {
      for (let i = 0; i < w.length; i++) {
        s[i] = r(s[i] + r(r(r(g[i] * g[i]) - s[i]) * r(1 - rho)));
        mo[i] = r(r(mo[i] * momentum) + r(r(g[i] * lr) / r(Math.sqrt(r(s[i] + eps)))));
        w[i] = r(w[i] - mo[i]);
      }
    });
  },
  gradient: NO_GRADIENT,
});

export const ApplyAdagrad = defineOp<Attrs>({
  type: "ApplyAdagrad",
  doc: "Adagrad step: `accum += grad²; var -= lr · grad / √accum`, in place.",
  inputs: [ref("var"), ref("accum"), val("lr"), val("grad")],
  typeAttrs: { T: TYPES.float },
  effects: ["writes-variable"],
  inferDtype: dtypeOfT,
  inferShape: (c) => [c.shapes[0].merge_with(c.shapes[1]).merge_with(c.shapes[3])],
  kernel: ([, , lrT, grad], k) => {
    const { cell, value } = refValue(k, 0);
    const accum = refValue(k, 1).value;
    const lr = requireScalar(k, "lr", lrT);
    requireSameShape(k, "var and accum", value, accum);
    requireSameShape(k, "var and grad", value, grad);
    const r = rounder(value.dtype);
    const w = value.data as Float32Array;
    const a = accum.data as Float32Array;
    const g = grad.data as Float32Array;
    return updateVariable(k, cell, value, () => {
      for (let i = 0; i < w.length; i++) {
        a[i] = r(a[i] + r(g[i] * g[i]));
        w[i] = r(w[i] - r(r(g[i] * lr) * r(1 / r(Math.sqrt(a[i])))));
      }
    });
  },
  gradient: NO_GRADIENT,
});
