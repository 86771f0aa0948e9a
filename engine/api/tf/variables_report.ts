/**
 * `tf.report_uninitialized_variables`, as TF 1.15's variables.py builds it: one
 * IsVariableInitialized per variable, stacked and negated, masking a Const of the variables'
 * names (`boolean_mask`), all under `report_uninitialized_variables/`.
 */
import { string as stringDType } from "../../dtypes.js";
import type { EngineContext } from "../../context.js";
import type { Tensor } from "../../graph.js";
import { Variable as VariableClass, GraphKeys, variablesIn } from "../../variables.js";
import { pyfunc } from "../pyargs.js";
import { applyOp } from "../apply.js";
import { constant } from "./core.js";
import { stack } from "./array.js";
import { logical_not } from "./logic.js";
import { boolean_mask } from "./indexing.js";

/**
 * The names of the variables (default: all global and local ones) that hold no value yet in
 * the session that runs it, as a 1-D string tensor.
 * @example
 * sess.run(tf.global_variables_initializer());
 * print(sess.run(tf.report_uninitialized_variables())); // [b'my_local'] until local init
 */
export const report_uninitialized_variables = pyfunc(
  "report_uninitialized_variables",
  ["var_list", "name"],
  (ctx: EngineContext, var_list: VariableClass[] | null = null, name: string = "report_uninitialized_variables"): Tensor => {
    const g = ctx.defaultGraph();
    const vars = var_list ?? [...variablesIn(g, GraphKeys.GLOBAL_VARIABLES), ...variablesIn(g, GraphKeys.LOCAL_VARIABLES)];
    return g.name_scope(name, () => {
      const initVars = vars.map((v) => applyOp(ctx, "IsVariableInitialized", [v], {}, null).outputs[0]);
      if (vars.length === 0) return constant(ctx, [], stringDType);
      const mask = logical_not(ctx, stack(ctx, initVars));
      const names = constant(ctx, vars.map((v) => v.op.name));
      return boolean_mask(ctx, names, mask);
    });
  },
);
