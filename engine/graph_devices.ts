/**
 * A graph's `tf.device` blocks: which device each new op records (TF 1.15's
 * `_device_function_stack` and `_apply_device_functions`).
 */
import { deviceString, mergeDevice, parseDevice } from "./device.js";
import type { Operation } from "./graph_elements.js";

/** A device function: given the op, the device it should run on (a string, or null for none). */
export type DeviceFunction = (op: Operation) => unknown;

/** The open `tf.device` blocks of one graph. */
export class DeviceScopes {
  /** Innermost last; null is `tf.device(None)`, which hides the blocks around it. */
  private readonly stack: (string | DeviceFunction | null)[] = [];

  /** Whether any block is open (most programs have none: nothing to do per op). */
  get active(): boolean {
    return this.stack.length > 0;
  }

  /** Runs `fn` inside a block of `device` (a string is checked as the block opens, as TF does). */
  within<T>(device: string | DeviceFunction | null, fn: () => T): T {
    if (typeof device === "string") parseDevice(device);
    this.stack.push(device ?? null);
    try {
      return fn();
    } finally {
      this.stack.pop();
    }
  }

  /** The open blocks, for Python's `with` (python_blocks.ts): a copy. */
  save(): readonly (string | DeviceFunction | null)[] {
    return this.stack.slice();
  }

  /** Puts back the blocks `save` returned. */
  restore(saved: readonly (string | DeviceFunction | null)[]): void {
    this.stack.length = 0;
    this.stack.push(...saved);
  }

  /** The innermost block first, each merging what the inner ones chose (their fields win). */
  deviceFor(op: Operation): string {
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const d = this.stack[i];
      if (d === null) break;
      if (typeof d === "string") op._device = deviceString(mergeDevice(parseDevice(d), parseDevice(op._device)));
      else {
        const r = d(op);
        op._device = r === null || r === undefined ? "" : String(r);
      }
    }
    return op._device;
  }
}
