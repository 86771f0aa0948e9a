/**
 * Looking up a graph's ops and tensors by name, with TF 1.x's error texts.
 */
import { KeyError, PyTypeError, ValueError } from "./errors.js";
import type { Graph } from "./graph.js";
import { Operation, Tensor, graphElementOf } from "./graph_elements.js";
import { pyClassName } from "./format/pytypes.js";

/** TF's `as_graph_element`: `obj` (a name, a tensor, an op, a variable) as an element of `graph`. */
export function graphElement(graph: Graph, byName: ReadonlyMap<string, Operation>, obj: unknown, allowTensor: boolean, allowOperation: boolean): Tensor | Operation {
  const types = allowTensor && allowOperation ? "Tensor or Operation" : allowTensor ? "Tensor" : "Operation";
  if (typeof obj === "string") return elementByName(byName, obj, allowTensor, allowOperation, types);
  const el = graphElementOf(obj);
  if (el instanceof Tensor && allowTensor) {
    if (el.graph !== graph) throw new ValueError(`Tensor ${el} is not an element of this graph.`);
    return el;
  }
  if (el instanceof Operation && allowOperation) {
    if (el.graph !== graph) throw new ValueError(`Operation ${el.__repr__()} is not an element of this graph.`);
    return el;
  }
  throw new PyTypeError(`Can not convert a ${pyClassName(obj)} into a ${types}.`);
}

/**
 * TF's `as_graph_element` for a name: `"x:0"` is a tensor, `"x"` an op, with TF's error texts
 * (KeyError texts keep TF's inner quotes: Python prints the KeyError's message repr'd).
 */
export function elementByName(
  byName: ReadonlyMap<string, Operation>,
  name: string,
  allowTensor: boolean,
  allowOperation: boolean,
  types: string,
): Tensor | Operation {
  const q = (s: string) => `'${s}'`;
  if (name.includes(":") && allowTensor) {
    const parts = name.split(":");
    const outN = Number(parts[1]);
    if (parts.length !== 2 || parts[1] === "" || !Number.isInteger(outN)) {
      throw new ValueError(
        `The name ${q(name)} looks a like a Tensor name, but is not a valid one. Tensor names must be of the form "<op_name>:<output_index>".`,
      );
    }
    const op = byName.get(parts[0]);
    if (!op) {
      throw new KeyError(`"The name ${q(name)} refers to a Tensor which does not exist. The operation, ${q(parts[0])}, does not exist in the graph."`);
    }
    const t = op.outputs[outN];
    if (!t) {
      throw new KeyError(
        `"The name ${q(name)} refers to a Tensor which does not exist. The operation, ${q(parts[0])}, exists but only has ${op.outputs.length} outputs."`,
      );
    }
    return t;
  }
  if (name.includes(":")) throw new ValueError(`Name ${q(name)} appears to refer to a Tensor, not a ${types}.`);
  if (allowOperation) {
    const op = byName.get(name);
    if (!op) throw new KeyError(`"The name ${q(name)} refers to an Operation not in the graph."`);
    return op;
  }
  const msg = byName.has(name)
    ? `The name ${q(name)} refers to an Operation, not a ${types}.`
    : `The name ${q(name)} looks like an (invalid) Operation name, not a ${types}.`;
  throw new ValueError(`${msg} Tensor names must be of the form "<op_name>:<output_index>".`);
}
