/** The `tf.data` and queue op declarations, for the registry. */
import type { AnyOpDef } from "../../op.js";
import * as datasets from "./dataset_ops.js";
import * as iterators from "./iterator_ops.js";
import * as queues from "./queue_ops.js";

const isOp = (v: unknown): v is AnyOpDef => typeof v === "object" && v !== null && "kernel" in v && "type" in v;

export const DATA_OPS: readonly AnyOpDef[] = [...Object.values(datasets), ...Object.values(iterators), ...Object.values(queues)].filter(isOp);
