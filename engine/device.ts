/**
 * Device strings as TF 1.15's `DeviceSpec` reads, merges and writes them (python/framework/
 * device.py): `/gpu:0` is `/device:GPU:0`, an inner `tf.device` overrides only the fields it
 * names (`/job:ps` around `/gpu:0` gives `/job:ps/device:GPU:0`).
 */
import { ValueError } from "./errors.js";

/** The parts of a device string; null where unset. */
export interface DeviceSpec {
  job: string | null;
  replica: number | null;
  task: number | null;
  deviceType: string | null;
  /** null: unset or `*`. */
  deviceIndex: number | null;
}

const VALID_TYPES = new Set(["CPU", "GPU", "TPU"]);

const intOf = (s: string, spec: string): number => {
  if (!/^-?\d+$/.test(s)) throw new ValueError(`invalid literal for int() with base 10: '${s}'`);
  void spec;
  return Number(s);
};

/**
 * TF's `DeviceSpec.from_string`.
 * @example
 * parseDevice("/gpu:0"); // { job: null, replica: null, task: null, deviceType: "GPU", deviceIndex: 0 }
 */
export function parseDevice(spec: string): DeviceSpec {
  const out: DeviceSpec = { job: null, replica: null, task: null, deviceType: null, deviceIndex: null };
  for (const part of spec.split("/")) {
    const y = part.split(":");
    if (part === "") continue;
    if (y.length === 2 && y[0] === "job") out.job = y[1];
    else if (y.length === 2 && y[0] === "replica") out.replica = intOf(y[1], spec);
    else if (y.length === 2 && y[0] === "task") out.task = intOf(y[1], spec);
    else if ((y.length === 1 || y.length === 2) && VALID_TYPES.has(y[0].toUpperCase())) {
      if (out.deviceType !== null) throw new ValueError(`Cannot specify multiple device types: ${spec}`);
      out.deviceType = y[0].toUpperCase();
      if (y.length === 2 && y[1] !== "*") out.deviceIndex = intOf(y[1], spec);
    } else if (y.length === 3 && y[0] === "device") {
      if (out.deviceType !== null) throw new ValueError(`Cannot specify multiple device types: ${spec}`);
      out.deviceType = y[1];
      if (y[2] !== "*") out.deviceIndex = intOf(y[2], spec);
    } else if (y[0] !== "") {
      throw new ValueError(`Unknown attribute: '${y[0]}' in '${spec}'`);
    }
  }
  return out;
}

/**
 * TF's `DeviceSpec.to_string`.
 * @example
 * deviceString(parseDevice("/cpu:0")); // "/device:CPU:0"
 */
export function deviceString(d: DeviceSpec): string {
  let s = "";
  if (d.job !== null) s += `/job:${d.job}`;
  if (d.replica !== null) s += `/replica:${d.replica}`;
  if (d.task !== null) s += `/task:${d.task}`;
  if (d.deviceType !== null) s += `/device:${d.deviceType}:${d.deviceIndex === null ? "*" : d.deviceIndex}`;
  return s;
}

/**
 * TF's `make_merged_spec`: `outer`'s fields, overridden by those `inner` sets.
 * @example
 * deviceString(mergeDevice(parseDevice("/job:ps"), parseDevice("/gpu:0"))); // "/job:ps/device:GPU:0"
 */
export function mergeDevice(outer: DeviceSpec, inner: DeviceSpec): DeviceSpec {
  const out = { ...outer };
  if (inner.job !== null) out.job = inner.job;
  if (inner.replica !== null) out.replica = inner.replica;
  if (inner.task !== null) out.task = inner.task;
  if (inner.deviceType !== null) out.deviceType = inner.deviceType;
  if (inner.deviceIndex !== null) out.deviceIndex = inner.deviceIndex;
  return out;
}

/** TF's `canonical_name`: a device string normalized (`/gpu:0` → `/device:GPU:0`). */
export function canonicalDevice(spec: string): string {
  return deviceString(parseDevice(spec));
}
