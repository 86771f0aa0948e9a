/**
 * The stacks a while loop's gradient is built on (TF's StackV2, StackPushV2, StackPopV2): the
 * forward loop pushes each iteration's value of a tensor the gradient needs, and the backward
 * loop pops them in reverse. A stack lives for one run (TF's step container), in the run's
 * resources; its handle is a `resource` tensor holding the stack's key.
 */
import { DType, int32, resource } from "../../dtypes.js";
import { InvalidArgumentError } from "../../errors.js";
import { defineOp, type KernelContext } from "../../op.js";
import { NDArray } from "../../ndarray.js";
import { TensorShape } from "../../shape.js";
import { TYPES } from "../support/common.js";

interface Stack {
  name: string;
  maxSize: number;
  elements: NDArray[];
}

function stackOf(k: KernelContext<unknown>, handle: NDArray): Stack {
  const stack = k.runResources().get(String(handle.data[0]));
  if (stack === undefined) throw new InvalidArgumentError(`Stack with handle ${String(handle.data[0])} was not created in this run`);
  return stack as Stack;
}

export const StackV2 = defineOp<{ elem_type: DType; stack_name: string }>({
  type: "StackV2",
  doc: "A new, empty stack for this run (`max_size` < 0: unbounded); its handle.",
  inputs: [{ name: "max_size", dtype: int32 }],
  effects: ["stack"],
  inferDtype: () => [resource],
  inferShape: () => [new TensorShape([])],
  kernel: ([maxSize], k) => {
    const resources = k.runResources();
    const key = `${k.op.name}:${resources.size}`;
    const name = k.attrs.stack_name || k.op.name;
    resources.set(key, { name, maxSize: maxSize.data[0] as number, elements: [] } satisfies Stack);
    const handle = new NDArray(resource, [], [key]);
    return handle;
  },
  gradient: null,
});

export const StackPushV2 = defineOp<{ T: DType; swap_memory: boolean }>({
  type: "StackPushV2",
  doc: "Pushes `elem` onto the stack and passes it through.",
  inputs: [
    { name: "handle", dtype: resource },
    { name: "elem", typeAttr: "T" },
  ],
  typeAttrs: { T: TYPES.any },
  effects: ["stack"],
  inferDtype: (c) => [c.attrs.T],
  inferShape: (c) => [c.shapes[1]],
  kernel: ([handle, elem], k) => {
    const stack = stackOf(k, handle);
    if (stack.maxSize >= 0 && stack.elements.length >= stack.maxSize) {
      throw new InvalidArgumentError(`Stack[${stack.name}] overflowed its max_size (${stack.maxSize})`);
    }
    // A copy: the pushing op's buffer is reused by the next iteration.
    stack.elements.push(new NDArray(elem.dtype, elem.shape, elem.data.slice()));
    return elem;
  },
  gradient: null,
});

export const StackPopV2 = defineOp<{ elem_type: DType }>({
  type: "StackPopV2",
  doc: "Pops the value on top of the stack.",
  inputs: [{ name: "handle", dtype: resource }],
  effects: ["stack"],
  inferDtype: (c) => [c.attrs.elem_type],
  inferShape: () => [TensorShape.unknown()],
  kernel: ([handle], k) => {
    const stack = stackOf(k, handle);
    const top = stack.elements.pop();
    if (top === undefined) throw new InvalidArgumentError(`Stack[${stack.name}] is empty.`);
    if (top.dtype !== k.attrs.elem_type) {
      throw new InvalidArgumentError(`Type mismatch for the value popped from Stack[${stack.name}]: ${top.dtype.cName} vs. ${k.attrs.elem_type.cName}`);
    }
    return top;
  },
  gradient: null,
});
