/**
 * One test over every registered op: each has a doc and a gradient decision, at least one
 * conformance case, static shapes that agree with what its kernel produces, and (when
 * differentiable) a symbolic gradient that agrees with central finite differences in float64.
 */
import { describe, expect, it } from "vitest";
import { float64 } from "../dtypes.js";
import { Operation, Tensor } from "../graph.js";
import { NDArray } from "../ndarray.js";
import { NO_GRADIENT } from "../op.js";
import type { ArraySummary, ValueSummary } from "../records.js";
import { createTF } from "../tf.js";
import { OPS } from "./registry.js";
import { ALL_CASES } from "./cases/index.js";
import type { OpCase, Value } from "./cases/types.js";

function runtimeShape(v: ValueSummary): number[] {
  return v !== null && typeof v === "object" ? (v as ArraySummary).shape : [];
}

/** Deterministic pseudo-random weights, so that sum(y * w) does not hide errors by symmetry. */
function weights(n: number, seed: number): number[] {
  let s = seed;
  return Array.from({ length: n }, () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return 0.5 + (s / 2147483648) * 1.5;
  });
}

function flatten(v: Value): number[] {
  return Array.isArray(v) ? v.flatMap(flatten) : [Number(v)];
}

function withFlat(v: Value, flat: number[]): Value {
  let i = 0;
  const build = (x: Value): Value => (Array.isArray(x) ? x.map(build) : flat[i++]);
  return build(v);
}

function setup(c: OpCase) {
  const tf = createTF({ seedSource: () => 7 });
  const built = c.build(tf, float64);
  const sess = tf.Session();
  sess.run(tf.global_variables_initializer());
  return { tf, sess, ...built };
}

describe("every registered op", () => {
  it("has a doc and an explicit gradient decision", () => {
    for (const def of OPS.all()) {
      expect(def.doc.length, def.type).toBeGreaterThan(10);
      expect(def.gradient === null || def.gradient === NO_GRADIENT || typeof def.gradient === "function", def.type).toBe(true);
      expect(Array.isArray(def.effects), def.type).toBe(true);
    }
  });

  it("has at least one conformance case", () => {
    const covered = new Set(ALL_CASES.map((c) => c.op));
    const missing = OPS.all()
      .map((d) => d.type)
      .filter((t) => !covered.has(t));
    expect(missing).toEqual([]);
  });
});

describe.each(ALL_CASES.map((c) => [`${c.op}: ${c.name}`, c] as const))("%s", (_, c) => {
  it("infers static shapes that agree with the kernel's outputs", () => {
    let live: Record<string, ValueSummary> = {};
    const tf = createTF({ seedSource: () => 7, onRun: (_r, l) => (live = l.summarize()) });
    const { y, feeds } = c.build(tf, float64);
    const sess = tf.Session();
    sess.run(tf.global_variables_initializer());
    sess.run(y, new Map(feeds));
    const g = tf.get_default_graph();
    const ofType = g.get_operations().filter((o) => o.type === c.op);
    expect(ofType.length, `the case builds a ${c.op}`).toBeGreaterThan(0);
    for (const op of g.get_operations()) {
      for (const t of op.outputs) {
        const v = live[t.name];
        if (v === undefined) continue;
        const got = runtimeShape(v);
        const dims = t.shape.dims;
        if (dims === null) continue;
        expect(got.length, `rank of ${t.name}`).toBe(dims.length);
        dims.forEach((d, i) => {
          if (d !== null) expect(got[i], `dim ${i} of ${t.name}`).toBe(d);
        });
      }
    }
  });

  const def = OPS.get(c.op);
  const differentiable = typeof def.gradient === "function" && c.grad !== false;
  it.runIf(differentiable)("has a gradient that matches central finite differences", () => {
    const { tf, sess, y, feeds } = setup(c);
    if (!(y instanceof Tensor) || !y.dtype.base_dtype.isFloating) return;
    const feedMap = new Map<Tensor, Value>(feeds);
    const yVal = sess.run(y, feedMap);
    const ySize = yVal instanceof NDArray ? yVal.size : 1;
    const w = tf.constant(yVal instanceof NDArray ? withFlat(yVal.toArray() as Value, weights(ySize, 3)) : weights(1, 3)[0], float64);
    const objective = tf.reduce_sum(tf.multiply(tf.cast(y, float64), w));
    const checked = feeds.map(([x], i) => [x, i] as const).filter(([x, i]) => !(c.noGradFor ?? []).includes(i) && x.dtype.base_dtype.isFloating);
    const grads = tf.gradients(objective, checked.map(([x]) => x));
    checked.forEach(([x, i], gi) => {
      const gT = grads[gi];
      expect(gT, `gradient w.r.t. ${x.name} exists`).not.toBeNull();
      const sym = sess.run(gT as Tensor, feedMap);
      const symFlat = sym instanceof NDArray ? Array.from(sym.data as Float64Array) : [Number(sym)];
      const base = flatten(feeds[i][1]);
      const fd = base.map((_, k) => {
        const h = 1e-6 * Math.max(1, Math.abs(base[k]));
        const plus = base.slice();
        const minus = base.slice();
        plus[k] += h;
        minus[k] -= h;
        const f = (vals: number[]) => {
          const m = new Map(feedMap);
          m.set(x, withFlat(feeds[i][1], vals));
          return Number(sess.run(objective, m));
        };
        return (f(plus) - f(minus)) / (2 * h);
      });
      const tol = c.tolerance ?? 1e-5;
      fd.forEach((v, k) => {
        expect(Math.abs(symFlat[k] - v), `d/d${x.name}[${k}]: symbolic ${symFlat[k]} vs numeric ${v}`).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(v)));
      });
    });
  });
});

export { Operation };
