/**
 * Looking up a graph's ops and tensors by name, with TF 1.x's error texts.
 */
import { KeyError, ValueError } from "./errors.js";
import type { Operation, Tensor } from "./graph_elements.js";

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
