/**
 * A failed run's reason in one line, in the learner's names (`input_placeholder` was not fed),
 * for the places that point at the full explanation (the graph's explanation card) instead of
 * repeating it: the hints, the console, the selected run, the editor's marker.
 */
import { opOfTensor } from "../graph/model/names";
import type { ProgramNames } from "./programNames";

export interface FailureLike {
  graph?: number;
  error?: { type: string; message: string; op: string | null } | null;
}

/** Text with `backticks` around names (CodeText renders them as code). */
export function failureHeadline(run: FailureLike, names: ProgramNames): string | null {
  const error = run.error;
  if (!error) return null;
  if (error.op === null) return `${error.type}: ${firstLine(error.message)}`;
  const op = opOfTensor(error.op);
  const spoken = names.nameOf(op, run.graph) ?? op;
  const category = names.categoryOf(op, run.graph);
  if (category === "placeholder") return `\`${spoken}\` was not fed`;
  if (category === "variable" && /uninitiali[sz]ed/i.test(error.message)) return `\`${spoken}\` has no value yet`;
  // The end of a tf.data iterator's or a closed queue's data: the end of an epoch, not a mistake.
  if (error.type === "OutOfRangeError" && /^End of sequence/.test(error.message)) return `\`${spoken}\` has no elements left`;
  if (error.type === "OutOfRangeError" && /is closed and has insufficient elements/.test(error.message)) return `\`${spoken}\`: the queue is closed and has too few elements`;
  return `${error.type} at \`${spoken}\``;
}

function firstLine(message: string): string {
  const i = message.indexOf("\n");
  const line = i < 0 ? message : message.slice(0, i);
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
}
