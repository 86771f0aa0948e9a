/**
 * `tf.train`'s checkpoints: `Saver`, `latest_checkpoint`, `get_checkpoint_state`,
 * `checkpoint_exists`, `list_variables`, `load_variable` (re-exported by train.ts).
 */
import type { EngineContext } from "../../context.js";
import type { NDArray } from "../../ndarray.js";
import { PyBytes } from "../../pybytes.js";
import {
  CheckpointState,
  checkpointExists,
  getCheckpointState,
  latestCheckpoint,
  listVariables,
  loadVariable,
} from "../../train/checkpoint_management.js";
import { Saver as SaverClass } from "../../train/saver.js";
import { pyclass, pyfunc } from "../pyargs.js";

const text = (p: unknown): string => (p instanceof PyBytes ? p.text : String(p));

/**
 * Adds `save/` nodes that write variables to a checkpoint and read them back: `saver.save(sess,
 * path)` stores the session's values, `saver.restore(sess, path)` puts them back (no
 * initializer needed). `var_list`: the variables (default: all global ones), or a dict of
 * checkpoint keys to variables.
 * @example
 * const saver = tf.train.Saver({var_list: {v2: v2}, max_to_keep: 3});
 */
export const Saver = pyclass(
  "Saver",
  [
    "var_list",
    "reshape",
    "sharded",
    "max_to_keep",
    "keep_checkpoint_every_n_hours",
    "name",
    "restore_sequentially",
    "saver_def",
    "builder",
    "defer_build",
    "allow_empty",
    "write_version",
    "pad_step_number",
    "save_relative_paths",
    "filename",
  ],
  (
    ctx: EngineContext,
    var_list: unknown = null,
    reshape: boolean = false,
    sharded: boolean = false,
    max_to_keep: number | null = 5,
    keep_checkpoint_every_n_hours: number = 10000.0,
    name: string | null = null,
    restore_sequentially: boolean = false,
    saver_def: unknown = null,
    builder: unknown = null,
    defer_build: boolean = false,
    allow_empty: boolean = false,
    write_version: number = 2,
    pad_step_number: boolean = false,
    save_relative_paths: boolean = false,
    filename: string | null = null,
  ): SaverClass => {
    void reshape, sharded, keep_checkpoint_every_n_hours, restore_sequentially, saver_def, builder, defer_build, write_version, pad_step_number, save_relative_paths;
    return new SaverClass(ctx, var_list, max_to_keep, name, allow_empty, filename);
  },
  SaverClass.prototype,
  // `tf.train.Saver({v2: v2})` is a var_list dict; `{max_to_keep: 3}` is keyword arguments.
  { dictParams: ["var_list"] },
);

/**
 * The prefix of the newest checkpoint in `checkpoint_dir` (from its `checkpoint` file), or
 * null when there is none.
 * @example
 * saver.restore(sess, tf.train.latest_checkpoint("/tmp"));
 */
export const latest_checkpoint = pyfunc(
  "latest_checkpoint",
  ["checkpoint_dir", "latest_filename"],
  (ctx: EngineContext, checkpoint_dir: unknown, latest_filename: string | null = null): string | null =>
    latestCheckpoint(ctx.files, text(checkpoint_dir), latest_filename),
);

/**
 * What the `checkpoint` file of `checkpoint_dir` says (`model_checkpoint_path`,
 * `all_model_checkpoint_paths`), or null.
 * @example
 * print(tf.train.get_checkpoint_state("/tmp").all_model_checkpoint_paths);
 */
export const get_checkpoint_state = pyfunc(
  "get_checkpoint_state",
  ["checkpoint_dir", "latest_filename"],
  (ctx: EngineContext, checkpoint_dir: unknown, latest_filename: string | null = null): CheckpointState | null =>
    getCheckpointState(ctx.files, text(checkpoint_dir), latest_filename),
);

/**
 * Whether a checkpoint with this prefix exists.
 * @example
 * print(tf.train.checkpoint_exists("/tmp/model.ckpt")); // True
 */
export const checkpoint_exists = pyfunc("checkpoint_exists", ["checkpoint_prefix"], (ctx: EngineContext, checkpoint_prefix: unknown): boolean =>
  checkpointExists(ctx.files, text(checkpoint_prefix)),
);

/**
 * The `[name, shape]` of every tensor in a checkpoint (a prefix, or a directory: its newest),
 * sorted by name.
 * @example
 * print(tf.train.list_variables("/tmp/model.ckpt")); // [['v1', [3]], ['v2', [5]]]
 */
export const list_variables = pyfunc("list_variables", ["ckpt_dir_or_file"], (ctx: EngineContext, ckpt_dir_or_file: unknown): [string, number[]][] =>
  listVariables(ctx, text(ckpt_dir_or_file)),
);

/**
 * One tensor's saved value, as an array.
 * @example
 * print(tf.train.load_variable("/tmp/model.ckpt", "v1")); // [1. 1. 1.]
 */
export const load_variable = pyfunc("load_variable", ["ckpt_dir_or_file", "name"], (ctx: EngineContext, ckpt_dir_or_file: unknown, name: string): NDArray =>
  loadVariable(ctx, text(ckpt_dir_or_file), name),
);
