/**
 * The explanation card's words for a run that failed with OutOfRangeError because the data
 * ran out: a tf.data iterator past its last element (IteratorGetNext, "End of sequence") or a
 * closed, empty queue (a dequeue). Not a bug to fix but the end of an epoch: the fixes say how
 * a loop ends on it, starts over, or repeats.
 */
import type { GraphStructure } from "./structure";

export interface EndOfData {
  title: string;
  why: string;
  fixes: { text: string; code?: string }[];
}

const code = (s: string): string => `\`${s}\``;
const DEQUEUES = new Set(["QueueDequeueV2", "QueueDequeueManyV2", "QueueDequeueUpToV2"]);

/** The words for an OutOfRangeError at `culpritOp`, or null when it is not the end of data. */
export function endOfData(structure: GraphStructure, errorType: string, culpritOp: string | null, sess: string, spoken: (op: string) => string): EndOfData | null {
  if (errorType !== "OutOfRangeError" || culpritOp === null) return null;
  const node = structure.ops.get(culpritOp)?.node;
  if (node === undefined) return null;
  const loopFix = {
    text: `This is how a loop over the data ends: catch ${code("tf.errors.OutOfRangeError")} and leave the loop.`,
    code: `while (true) {\n  try {\n    ${sess}.run(/* your fetches */);\n  } catch (e) {\n    if (!(e instanceof tf.errors.OutOfRangeError)) throw e;\n    break; // the end of the epoch\n  }\n}`,
  };
  if (node.op === "IteratorGetNext") {
    const iterator = node.inputs[0]?.split(":")[0] ?? null;
    const init = structure.order.map((n) => structure.ops.get(n)!).find((o) => o.node.op === "MakeIterator" && iterator !== null && o.node.inputs.some((t) => t.split(":")[0] === iterator));
    const fixes: EndOfData["fixes"] = [loopFix];
    if (init !== undefined) {
      fixes.push({ text: `To read the data again (another epoch), run the iterator's initializer: it puts the iterator back at the start, in this session.`, code: `${sess}.run(iterator.initializer);` });
    } else {
      fixes.push({ text: `A one-shot iterator reads its data once. For more epochs, make it with ${code("dataset.make_initializable_iterator()")} and run its ${code("initializer")} before each epoch.` });
    }
    fixes.push({ text: `Or let the dataset itself go round: ${code(".repeat(n)")} for n epochs, ${code(".repeat()")} for ever.` });
    return {
      title: `${code(spoken(culpritOp))} has no elements left`,
      why: `Each run of ${code(spoken(culpritOp))} takes the next element of its dataset, and the session's iterator${iterator ? ` (${code(iterator)})` : ""} has given out the last one: its position is in Session memory.`,
      fixes,
    };
  }
  if (DEQUEUES.has(node.op)) {
    const queue = node.inputs[0]?.split(":")[0] ?? "the queue";
    return {
      title: `${code(queue)} is closed and has too few elements`,
      why: `${code(spoken(culpritOp))} takes elements out of ${code(queue)}, which lives in the session. It was closed, so nothing more can come, and it holds fewer elements than this dequeue needs.`,
      fixes: [loopFix, { text: `Elements enqueued before ${code("close()")} are still dequeued; only after them does the queue end.` }],
    };
  }
  return null;
}
