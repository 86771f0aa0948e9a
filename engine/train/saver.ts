/**
 * TF 1.15's `tf.train.Saver` (python/training/saver.py) with its BulkSaverBuilder's graph: a
 * `save/` scope holding the filename (`save/filename/input` → `save/filename` → `save/Const`),
 * `save/SaveV2` and `save/control_dependency` (what `save()` fetches), one `save/RestoreV2`
 * for every variable and `save/Assign`, `save/Assign_1`, ... grouped by `save/restore_all`
 * (what `restore()` runs). Saving and restoring are ordinary `sess.run`s of those nodes: the
 * values go between the session's memory and a file, never through the graph, which is why a
 * restored variable needs no initializer.
 */
import type { EngineContext } from "../context.js";
import { string as stringDType } from "../dtypes.js";
import { NotFoundError, InvalidArgumentError, OpError, PyTypeError, ValueError } from "../errors.js";
import { basename, dirname } from "../files.js";
import { Tensor, nameFromScopeName } from "../graph.js";
import { NDArray } from "../ndarray.js";
import { isNpScalar } from "../numpy/scalar.js";
import { PyBytes } from "../pybytes.js";
import { OPS } from "../ops/registry.js";
import { bind } from "../pycall.js";
import { pyRepr } from "../format/python.js";
import { isPlainObject } from "../format/pytypes.js";
import { Session } from "../session/session.js";
import { Variable, GraphKeys, variablesIn } from "../variables.js";
import { applyOp } from "../api/apply.js";
import { groupOps } from "../api/build.js";
import { withDependencies } from "../api/control_flow/ops.js";
import { placeholder_with_default } from "../api/tf/core.js";
import { checkpointExists, removeCheckpoint, writeCheckpointState } from "./checkpoint_management.js";

/** What the builder returns: the names `save()` and `restore()` run (TF's SaverDef). */
export interface SaverDef {
  filename_tensor_name: string;
  save_tensor_name: string;
  restore_op_name: string;
  max_to_keep: number;
}

/** One variable to save, under its checkpoint key. */
interface Saveable {
  name: string;
  variable: Variable;
}

function stringConst(ctx: EngineContext, values: string[], name: string): Tensor {
  const g = ctx.defaultGraph();
  const value = new NDArray(stringDType, [values.length], values);
  return g._createOp(OPS.get("Const"), [], { value, dtype: stringDType }, g.unique_name(name)).outputs[0];
}

/** TF's `op_list_to_dict` + `validate_and_slice_inputs`: the saveables, sorted by key. */
function saveablesOf(varList: unknown): Saveable[] {
  const byName = new Map<string, Variable>();
  if (varList instanceof Map || isPlainObject(varList)) {
    const entries = varList instanceof Map ? [...varList.entries()] : Object.entries(varList);
    for (const [k, v] of entries) {
      if (!(v instanceof Variable)) {
        throw new PyTypeError(`names_to_saveables must be a dict mapping string names to Tensors/Variables. Not a variable: ${pyRepr(v)}`);
      }
      byName.set(String(k), v);
    }
  } else if (Array.isArray(varList)) {
    const sorted = [...varList].sort((a, b) => (String((a as Variable).name) < String((b as Variable).name) ? -1 : 1));
    for (const v of sorted) {
      if (!(v instanceof Variable)) throw new PyTypeError(`Variables to save should be passed in a dict or a list: ${pyRepr(varList)}`);
      const name = v.op.name;
      if (byName.has(name)) throw new ValueError(`At least two variables have the same name: ${name}`);
      byName.set(name, v);
    }
  } else {
    throw new PyTypeError(`Variables to save should be passed in a dict or a list: ${pyRepr(varList)}`);
  }
  const seen = new Set<Variable>();
  return [...byName.keys()].sort().map((name) => {
    const variable = byName.get(name)!;
    if (seen.has(variable)) throw new ValueError(`The same saveable will be restored with two names: ${name}`);
    seen.add(variable);
    return { name, variable };
  });
}

/** TF's `BaseSaverBuilder._build_internal` (not sharded) with BulkSaverBuilder's restore. */
function buildSaver(ctx: EngineContext, saveables: Saveable[], name: string | null, filename: string | null, maxToKeep: number): SaverDef {
  const g = ctx.defaultGraph();
  return g.name_scope(name || "save", () => {
    const fname = placeholder_with_default(ctx, filename || "model", [], "filename");
    const filenameTensor = placeholder_with_default(ctx, fname, [], "Const");
    const names = saveables.map((s) => s.name);
    const slices = saveables.map(() => "");
    const dtypes = saveables.map((s) => s.variable.dtype.base_dtype);
    const save = g.name_scope("SaveV2", (scope) => {
      const n = stringConst(ctx, names, "tensor_names");
      const sl = stringConst(ctx, slices, "shape_and_slices");
      const tensors = saveables.map((s) => s.variable._variable);
      return g._createOp(OPS.get("SaveV2"), [filenameTensor, n, sl, ...tensors], { dtypes }, nameFromScopeName(scope));
    });
    const saveTensor = withDependencies(ctx, [save], filenameTensor);
    const restore = g.name_scope("RestoreV2", (scope) => {
      const n = stringConst(ctx, names, "tensor_names");
      const sl = stringConst(ctx, slices, "shape_and_slices");
      return g._createOp(OPS.get("RestoreV2"), [filenameTensor, n, sl], { dtypes }, nameFromScopeName(scope));
    });
    const assigns = saveables.map((s, i) =>
      applyOp(ctx, "Assign", [s.variable._variable, restore.outputs[i]], { validate_shape: s.variable.shape.is_fully_defined(), use_locking: true }, "Assign"),
    );
    const restoreAll = groupOps(ctx, assigns, "restore_all");
    return { filename_tensor_name: filenameTensor.name, save_tensor_name: saveTensor.name, restore_op_name: restoreAll.name, max_to_keep: maxToKeep };
  });
}

/** TF's `_wrap_restore_error_with_msg`. */
function wrapRestoreError(err: OpError, why: string): OpError {
  const Cls = err.constructor as new (message: string, op: string | null, site: { path?: string[]; line?: number | null }) => OpError;
  return new Cls(
    `Restoring from checkpoint failed. This is most likely due to ${why} from the checkpoint. Please ensure that you have not altered the graph expected based on the checkpoint. Original error:\n\n${err.message}`,
    err.op,
    { path: err.path, line: err.line },
  );
}

/**
 * Saves variables to checkpoints and restores them: `save(sess, path)` writes the session's
 * values of its variables to a file, `restore(sess, path)` writes them back into a session.
 * @example
 * const saver = tf.train.Saver();
 * const path = saver.save(sess, "/tmp/model.ckpt");
 * saver.restore(sess, path);
 */
export class Saver {
  /** The names of the nodes `save` and `restore` run (null for an empty saver). */
  saver_def: SaverDef | null = null;
  private readonly lastCheckpoints: string[] = [];
  private readonly isEmpty: boolean;

  /** @internal use `tf.train.Saver(...)`. */
  constructor(
    private readonly ctx: EngineContext,
    varList: unknown,
    maxToKeep: number | null,
    name: string | null,
    allowEmpty: boolean,
    filename: string | null,
  ) {
    const vars = varList ?? [...variablesIn(ctx.defaultGraph(), GraphKeys.GLOBAL_VARIABLES), ...ctx.defaultGraph().get_collection("saveable_objects")];
    const empty = Array.isArray(vars) ? vars.length === 0 : vars instanceof Map ? vars.size === 0 : isPlainObject(vars) && Object.keys(vars).length === 0;
    if (empty && !allowEmpty) throw new ValueError("No variables to save");
    this.isEmpty = empty;
    if (!empty) this.saver_def = buildSaver(ctx, saveablesOf(vars), name, filename, maxToKeep ?? 0);
  }

  /** Checkpoint prefixes not yet deleted, oldest first. */
  get last_checkpoints(): string[] {
    return this.lastCheckpoints.slice();
  }

  /**
   * Writes the session's values of the saver's variables to the checkpoint `save_path`
   * (`save_path-<global_step>` with a step) and updates the `checkpoint` file next to it.
   * Returns the checkpoint's prefix, for `restore`.
   * @example
   * const path = saver.save(sess, "/tmp/model.ckpt", {global_step: 1000}); // "/tmp/model.ckpt-1000"
   */
  save(...args: unknown[]): string | null {
    const [sess, savePathArg, globalStepArg, latestFilename, , , writeState] = bind(
      "save",
      ["sess", "save_path", ["global_step", null], ["latest_filename", null], ["meta_graph_suffix", "meta"], ["write_meta_graph", true], ["write_state", true]],
      args,
      { ignored: ["strip_default_attrs", "save_debug_info"] },
    ) as [unknown, unknown, unknown, string | null, string, boolean, boolean];
    const latest = latestFilename ?? "checkpoint";
    if (latest.includes("/")) throw new ValueError("'latest_filename' must not contain path components");
    const savePath = savePathArg instanceof PyBytes ? savePathArg.text : String(savePathArg);
    let checkpointFile: string;
    if (globalStepArg !== null && globalStepArg !== undefined) {
      checkpointFile = `${savePath}-${this.globalStep(sess, globalStepArg)}`;
    } else {
      checkpointFile = savePath;
      if (basename(savePath) === latest) throw new ValueError(`'latest_filename' collides with 'save_path': '${latest}' and '${savePath}'`);
    }
    if (!(sess instanceof Session)) throw new PyTypeError(`'sess' must be a Session; ${pyRepr(sess)}`);
    if (this.isEmpty || this.saver_def === null) return null;
    const def = this.saver_def;
    const fetched = sess.run(def.save_tensor_name, new Map([[sess.graph.get_tensor_by_name(def.filename_tensor_name), checkpointFile]]));
    const modelPath = fetched instanceof PyBytes ? fetched.text : String(fetched);
    if (writeState) {
      this.recordLastCheckpoint(modelPath, def.max_to_keep);
      writeCheckpointState(this.ctx.files, dirname(savePath), modelPath, this.lastCheckpoints, latest);
      this.deleteOldCheckpoints();
    }
    return modelPath;
  }

  /**
   * Writes the variables' values from the checkpoint `save_path` into the session: they need no
   * initializer afterwards. Raises TF's errors for a missing checkpoint or key.
   * @example
   * saver.restore(sess, tf.train.latest_checkpoint("/tmp"));
   */
  restore(...args: unknown[]): void {
    const [sess, savePathArg] = bind("restore", ["sess", "save_path"], args) as [unknown, unknown];
    if (this.isEmpty || this.saver_def === null) return;
    if (savePathArg === null || savePathArg === undefined) throw new ValueError("Can't load save_path when it is None.");
    const prefix = savePathArg instanceof PyBytes ? savePathArg.text : String(savePathArg);
    if (!checkpointExists(this.ctx.files, prefix)) throw new ValueError(`The passed save_path is not a valid checkpoint: ${prefix}`);
    if (!(sess instanceof Session)) throw new PyTypeError(`'sess' must be a Session; ${pyRepr(sess)}`);
    const def = this.saver_def;
    try {
      sess.run(def.restore_op_name, new Map([[sess.graph.get_tensor_by_name(def.filename_tensor_name), prefix]]));
    } catch (e) {
      if (e instanceof NotFoundError) throw wrapRestoreError(e, "a Variable name or other graph key that is missing");
      if (e instanceof InvalidArgumentError) throw wrapRestoreError(e, "a mismatch between the current graph and the graph");
      throw e;
    }
  }

  /** The saver's SaverDef (TF returns the proto). */
  as_saver_def(): SaverDef | null {
    return this.saver_def;
  }

  __repr__(): string {
    return "<tensorflow.python.training.saver.Saver object>";
  }

  /** TF's `training_util.global_step`: an int as given, else the value of a tensor or variable. */
  private globalStep(sess: unknown, step: unknown): number {
    const asInt = (v: unknown): number | null => {
      if (typeof v === "number" && Number.isInteger(v)) return v;
      if (typeof v === "bigint") return Number(v);
      if (isNpScalar(v) && v.dtype.isInteger) return Number(v);
      return null;
    };
    const direct = asInt(step);
    if (direct !== null) return direct;
    if (!(sess instanceof Session)) throw new PyTypeError(`'sess' must be a Session; ${pyRepr(sess)}`);
    const v = sess.run(step instanceof Variable ? step._snapshot : step);
    return Math.trunc(Number(v instanceof NDArray ? v.item() : v));
  }

  /** TF's `_RecordLastCheckpoint`. */
  private recordLastCheckpoint(path: string, maxToKeep: number): void {
    if (!maxToKeep) return;
    const i = this.lastCheckpoints.indexOf(path);
    if (i >= 0) this.lastCheckpoints.splice(i, 1);
    this.lastCheckpoints.push(path);
    if (this.lastCheckpoints.length > maxToKeep) this.toDelete.push(this.lastCheckpoints.shift()!);
  }

  private readonly toDelete: string[] = [];

  /** TF's `_MaybeDeleteOldCheckpoints` (keep_checkpoint_every_n_hours is not modelled: it never keeps one). */
  private deleteOldCheckpoints(): void {
    const p = this.toDelete.shift();
    if (p !== undefined) removeCheckpoint(this.ctx.files, p);
  }
}

