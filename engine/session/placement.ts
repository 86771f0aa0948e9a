/**
 * Where a session runs each op: TF 1.15's placer, for the playground's machine — a CPU and one
 * simulated GPU (it computes on the CPU; it exists so that placement can be seen and learned).
 * As in TF, a session places every op of its graph at its first run (and the ops added since at
 * later runs): an op pinned with `tf.device` goes there, an op that reads a variable through a
 * reference goes where the variable is, any other to the GPU when it has a GPU kernel, else the
 * CPU. A pin the machine cannot honour fails the run with TF's error, unless the session's
 * `ConfigProto(allow_soft_placement=True)` lets the placer choose; `log_device_placement` prints
 * each op's device as TF prints it.
 */
import { InvalidArgumentError } from "../errors.js";
import { parseDevice } from "../device.js";
import { string as stringDType, int32 } from "../dtypes.js";
import type { Graph, Operation } from "../graph.js";

/**
 * `tf.ConfigProto`: a session's options. The playground uses `log_device_placement` and
 * `allow_soft_placement`; the others are kept (and printed) but change nothing.
 * @example
 * const sess = tf.Session({config: tf.ConfigProto({log_device_placement: true})});
 */
export class ConfigProto {
  log_device_placement = false;
  allow_soft_placement = false;
  /** Fields the playground keeps without using (intra_op_parallelism_threads, ...). */
  readonly others: Record<string, unknown> = {};

  toString(): string {
    const lines: string[] = [];
    for (const [k, v] of Object.entries(this.others)) lines.push(`${k}: ${typeof v === "boolean" ? String(v) : String(v)}`);
    if (this.allow_soft_placement) lines.push("allow_soft_placement: true");
    if (this.log_device_placement) lines.push("log_device_placement: true");
    return lines.map((l) => l + "\n").join("");
  }

  __repr__(): string {
    return this.toString();
  }
}

/** What a session's placement reads of its config. */
export type SessionConfig = Pick<ConfigProto, "log_device_placement" | "allow_soft_placement">;

export const CPU0 = "/job:localhost/replica:0/task:0/device:CPU:0";
export const GPU0 = "/job:localhost/replica:0/task:0/device:GPU:0";

/** What DirectSession prints (to stdout) for the devices when log_device_placement is on. */
export const DEVICE_MAPPING = `Device mapping:\n${GPU0} -> device: 0, name: Simulated GPU (computes on the CPU), pci bus id: 0000:00:00.0, compute capability: 0.0`;

/**
 * Whether TF 1.15 has a GPU kernel for the op: not a CPU-only type, no string tensors, and no
 * int32 variable (TF keeps int32 on the host: `tf.Variable(0)` on a GPU is the classic case).
 */
export function hasGpuKernel(op: Operation): boolean {
  if (op.def.cpuOnly === true) return false;
  if (op.outputs.some((t) => t.dtype.base_dtype === stringDType) || op.inputs.some((t) => t.dtype.base_dtype === stringDType)) return false;
  if (op.def.effects.includes("variable") && op.outputs[0].dtype.base_dtype === int32) return false;
  return true;
}

/** The variable op behind a ref input (through the ops that forward a reference). */
function refSource(op: Operation): Operation {
  while (op.def.forwardsRef === true && op.inputs.length > 0) op = op.inputs[0].op;
  return op;
}

/** One session's placement of its graph's ops. */
export class Placement {
  /** How many of the graph's ops (in creation order) are placed. */
  placed = 0;
  private readonly devices = new Map<Operation, string>();

  constructor(
    private readonly graph: Graph,
    private readonly config: SessionConfig,
    private readonly log: (line: string) => void,
  ) {}

  /** The device an op was placed on, or undefined before its first run. */
  deviceOf(op: Operation): string | undefined {
    return this.devices.get(op);
  }

  /** Places the ops added since the last call (TF's placer runs on the new part of the graph). */
  placeNew(): void {
    const ops = this.graph._opList;
    const from = this.placed;
    const end = ops.length;
    // Every op is placed before any is logged, as TF's placer logs only a placement that worked.
    for (let i = from; i < end; i++) this.devices.set(ops[i], this.assign(ops[i]));
    this.placed = end;
    if (this.config.log_device_placement) for (let i = from; i < end; i++) this.log(`${ops[i].name}: (${ops[i].type}): ${this.devices.get(ops[i])}`);
  }

  private assign(op: Operation): string {
    const refIndex = op.inputs.findIndex((_, i) => op.isRefInput(i));
    if (refIndex >= 0) {
      const v = this.devices.get(refSource(op.inputs[refIndex].op));
      if (v !== undefined) return v;
    }
    const requested = op.device;
    const gpuKernel = hasGpuKernel(op);
    if (requested === "") return gpuKernel ? GPU0 : CPU0;
    const soft = this.config.allow_soft_placement;
    let spec;
    try {
      spec = parseDevice(requested);
    } catch {
      spec = null;
    }
    const type = spec?.deviceType?.toUpperCase() ?? null;
    const valid =
      spec !== null &&
      (spec.job === null || spec.job === "localhost") &&
      (spec.replica === null || spec.replica === 0) &&
      (spec.task === null || spec.task === 0) &&
      (type === null || type === "CPU" || type === "GPU") &&
      (spec.deviceIndex === null || spec.deviceIndex === 0);
    if (!valid) {
      if (soft) return gpuKernel ? GPU0 : CPU0;
      throw new InvalidArgumentError(
        `Cannot assign a device for operation ${op.name}: {{node ${op.name}}}was explicitly assigned to ${requested} but available devices are [ ${CPU0}, ${GPU0} ]. Make sure the device specification refers to a valid device.`,
        op.name,
      );
    }
    if (type === "CPU") return CPU0;
    if (type === "GPU") {
      if (gpuKernel) return GPU0;
      if (soft) return CPU0;
      throw new InvalidArgumentError(
        `Cannot assign a device for operation ${op.name}: Could not satisfy explicit device specification '${requested}' because no supported kernel for GPU devices is available.`,
        op.name,
      );
    }
    return gpuKernel ? GPU0 : CPU0;
  }
}
