/**
 * What a gradient function builds with: TF's Python builders (`b.tf.reshape`, `b.tf.nn.softmax`),
 * Python's operators on tensors (`b.py.sub(x, y)` is `x - y`: `sub`, with `sub/y` for a number)
 * and generated-op wrappers (`b.gen("ReluGrad", [g, y])`). gradients.ts makes them for the
 * program's context and passes them to every `gradient(op, grads, b)`, so op declarations never
 * import the API (which imports them).
 */
import type { EngineContext } from "../context.js";
import type { Tensor } from "../graph.js";
import { bindApi, type BoundApi } from "../api/pyargs.js";
import { buildersFor, type Builders } from "../api/builders.js";
import { tensorOperators } from "../api/tensor_ops.js";
import { op1 } from "../api/build.js";
import { applyOp } from "../api/apply.js";
import { sliceHelper, type SliceSpec } from "../api/slicing.js";
import * as nn from "../api/tf/nn.js";
import { flowGradients, type FlowGradients } from "../api/control_flow/grad.js";

type Operator = (a: unknown, b: unknown) => Tensor;

/** Python's operators on tensors, as TF's gradient code writes them. */
export interface TensorOperators {
  add: Operator;
  sub: Operator;
  mul: Operator;
  truediv: Operator;
  floordiv: Operator;
  mod: Operator;
  lt: Operator;
  le: Operator;
  gt: Operator;
  ge: Operator;
  neg(a: unknown): Tensor;
}

export interface GradientBuilders {
  /** TF's Python builders (`tf.reshape`, `tf.reduce_sum`, ..., `tf.nn.softmax`). */
  readonly tf: Builders & { readonly nn: BoundApi<typeof nn> };
  /** Python's operators: `py.mul(g, y)` is `g * y`. */
  readonly py: TensorOperators;
  /** A generated op wrapper (`gen_nn_ops.relu_grad(g, y)`): op `type` in its own name scope, plain values as Consts. */
  gen(type: string, inputs: readonly unknown[], attrs?: Record<string, unknown>, name?: string | null): Tensor;
  /** The same for an op with several outputs: all of them. */
  genOutputs(type: string, inputs: readonly unknown[], attrs?: Record<string, unknown>, name?: string | null): Tensor[];
  /** Python's `tensor[spec]` (`shape[1:]` is `slice(t, {start: 1})`). */
  slice(t: Tensor, spec: SliceSpec | SliceSpec[]): Tensor;
  /** The gradients of the control-flow ops (they build with the contexts of tf.cond and tf.while_loop). */
  readonly flow: FlowGradients;
}

const made = new WeakMap<EngineContext, GradientBuilders>();

/** The gradient builders of a context, made once. */
export function gradientBuilders(ctx: EngineContext): GradientBuilders {
  let b = made.get(ctx);
  if (b === undefined) {
    const T = tensorOperators;
    const op =
      (f: (ctx: EngineContext, a: unknown, b: unknown) => Tensor): Operator =>
      (x, y) =>
        f(ctx, x, y);
    b = {
      tf: { ...buildersFor(ctx), nn: bindApi(ctx, nn) },
      py: {
        add: op(T.add),
        sub: op(T.sub),
        mul: op(T.mul),
        truediv: op(T.truediv),
        floordiv: op(T.floordiv),
        mod: op(T.mod),
        lt: op(T.lt),
        le: op(T.le),
        gt: op(T.gt),
        ge: op(T.ge),
        neg: (x) => T.neg(ctx, x),
      },
      gen: (type, inputs, attrs = {}, name = null) => op1(ctx, type, inputs, attrs, name),
      genOutputs: (type, inputs, attrs = {}, name = null) => applyOp(ctx, type, inputs, attrs, name).outputs.slice(),
      slice: (t, spec) => sliceHelper(ctx, t, spec),
      flow: flowGradients(ctx),
    };
    made.set(ctx, b);
  }
  return b;
}
