/**
 * The words of each teaching hint. Each function takes the facts it needs and returns the
 * diagnostic event; the tracker decides when a hint applies.
 */
import type { DiagnosticEvent, RunEvent } from "../events";
import type { GraphFacts, InitOpFact, OpFact, VariableFact } from "./graph_facts";
import { opOf } from "./graph_facts";
import type { LoopGrowth } from "./loop_growth";
import { assignedName, runCallOn, type SourceLines } from "./source_hints";

function at(line: number | null): string {
  return line === null ? "" : ` (line ${line})`;
}

function onLine(line: number | null): string {
  return line === null ? "" : ` on line ${line}`;
}

/** A tf.Print that no run went through. */
export function printOffPath(print: OpFact, facts: GraphFacts): DiagnosticEvent {
  const e = print.event;
  const copied = e.inputs[0] !== undefined ? opOf(e.inputs[0]) : null;
  const copiedRan = copied !== null && facts.onPath.has(copied);
  if (facts.deadInRun.has(e.name)) return untakenBranch(print, "so it printed nothing");
  return {
    type: "diagnostic",
    code: "print-off-path",
    message:
      `tf.Print '${e.name}'${at(e.line)} never ran, so it printed nothing. Printing is a side effect of the Print op: ` +
      `it happens only when a sess.run's computation path goes through that op, and no run's path did` +
      (copiedRan ? ` (they used '${copied}', the op whose output it copies, directly)` : "") +
      `. Use the tensor tf.Print returns in place of the original: build the next ops from it, or fetch it.`,
    ops: [e.name],
    line: e.line,
  };
}

/**
 * A side-effect op that runs planned, inside a `tf.cond` branch no run took: the hint is
 * about the branch, not about building from the op's output.
 */
function untakenBranch(fact: OpFact, consequence: string): DiagnosticEvent {
  const e = fact.event;
  const branch = e.flow?.filter((f) => f.kind === "cond").pop();
  const which = branch === undefined ? "a branch" : `the ${branch.branch === 1 ? "true" : "false"} branch of '${branch.scope}'`;
  const fn = branch?.branch === 1 ? "true_fn" : branch?.branch === 0 ? "false_fn" : "its branch function";
  return {
    type: "diagnostic",
    code: e.op === "Print" ? "print-off-path" : "assign-off-path",
    message:
      `${e.op === "Print" ? "tf.Print" : `The ${e.op} op`} '${e.name}'${at(e.line)} is in ${which}, which no run took, ${consequence}. ` +
      `An op made inside ${fn} runs only when the predicate picks that branch; the runs that needed it skipped it as dead. ` +
      `An op made outside the branch functions runs whichever branch is taken.`,
    ops: [e.name],
    line: e.line,
  };
}

/** An assign-family op that no run went through. */
export function assignOffPath(assign: OpFact, facts?: GraphFacts): DiagnosticEvent {
  const e = assign.event;
  const target = e.ref_inputs[0] !== undefined ? `'${opOf(e.ref_inputs[0])}'` : "its variable";
  if (facts?.deadInRun.has(e.name)) return untakenBranch(assign, `so it never wrote ${target}`);
  return {
    type: "diagnostic",
    code: "assign-off-path",
    message:
      `The ${e.op} op '${e.name}'${at(e.line)} never ran, so it never wrote ${target}. Writing a variable is a side effect: ` +
      `it happens only when a sess.run's computation path goes through the op. Run it (sess.run(...) on the op), ` +
      `or make the ops that need the new value depend on it with tf.control_dependencies.`,
    ops: [e.name],
    line: e.line,
  };
}

/** A line that keeps adding ops between runs. */
export function opsInLoop(g: LoopGrowth): DiagnosticEvent {
  const where = g.line === null ? "The program" : `Line ${g.line}`;
  const what = g.types.length === 1 ? `a new '${g.types[0]}' op` : `new ops (${g.types.map((t) => `'${t}'`).join(", ")})`;
  return {
    type: "diagnostic",
    code: "ops-in-loop",
    message:
      `${where} adds ${what} to the graph every time round a loop, after sess.run has started ` +
      `(${g.names.join(", ")}, ...). The graph keeps growing, and every new op needs a new computation path, ` +
      `so the loop gets slower the longer it runs. Build the ops once, before the loop, and only call sess.run inside it ` +
      `(feed the values that change through a tf.placeholder).`,
    ops: g.names,
    line: g.line,
  };
}

/** A variable created after the newest initializer, which therefore does not cover it. */
export function variableAfterInit(v: VariableFact, init: InitOpFact): DiagnosticEvent {
  return {
    type: "diagnostic",
    code: "variable-after-init",
    message:
      `Variable '${v.name}'${at(v.line)} was created after the initializer '${init.name}'${at(init.line)}. ` +
      `tf.global_variables_initializer() covers only the variables that exist when it is created, so running it ` +
      `leaves '${v.name}' uninitialized. Create the initializer after all your variables.`,
    ops: [v.name, init.name],
    line: v.line,
  };
}

/** A run that failed on a placeholder nobody fed. */
export function unfedPlaceholder(run: RunEvent, placeholder: OpFact | undefined, name: string, source: SourceLines | null, language: Language = "typescript"): DiagnosticEvent {
  const phLine = placeholder?.event.line ?? null;
  const variable = source ? assignedName(source.text(phLine), "placeholder") : null;
  const py = language === "python";
  const key = variable !== null ? (py ? variable : `[${variable}]`) : py ? `'${name}:0'` : JSON.stringify(`${name}:0`);
  const dtype = placeholder?.event.dtype ? ` (${article(placeholder.event.dtype)} ${placeholder.event.dtype} value)` : "";
  const path = run.error?.path ?? [name];
  const why =
    path.length > 1
      ? `To compute '${path[0]}' the run needs '${name}' (path: ${path.join(" → ")}), and a placeholder has no value of its own: `
      : `The run fetches the placeholder itself, and a placeholder has no value of its own: `;
  return {
    type: "diagnostic",
    code: "unfed-placeholder",
    message:
      `The sess.run${onLine(run.line)} failed because placeholder '${name}' (${described(variable, phLine)}) was not fed. ` +
      `${why}every run whose path goes through it must feed one. ` +
      `Fix: ${(py ? feedFixPython : feedFix)(run, key, source)}, where ... is the value${dtype}.`,
    ops: path.slice(),
    line: run.line,
  };
}

/** `input_placeholder, line 2`, or whichever of the two is known. */
function described(variable: string | null, line: number | null): string {
  const parts = [variable, line === null ? null : `line ${line}`].filter((p): p is string => p !== null);
  return parts.length ? parts.join(", ") : "created by the program";
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? "an" : "a";
}

function feedFix(run: RunEvent, key: string, source: SourceLines | null): string {
  const call = source ? runCallOn(source.text(run.line)) : null;
  if (call && call.args.length === 1) return `${call.receiver}.run(${call.args[0]}, {feed_dict: {${key}: ...}})`;
  if (call && call.args.length >= 2) return `add ${key}: ... to the feed_dict of ${call.receiver}.run(...)${onLine(run.line)}`;
  return `pass {feed_dict: {${key}: ...}} to the sess.run call${onLine(run.line)}`;
}

/** The same fix in Python's syntax: `sess.run(sum_node, feed_dict={input_placeholder: ...})`. */
function feedFixPython(run: RunEvent, key: string, source: SourceLines | null): string {
  const call = source ? runCallOn(source.text(run.line)) : null;
  if (call && call.args.length === 1) return `${call.receiver}.run(${call.args[0]}, feed_dict={${key}: ...})`;
  if (call && call.args.length >= 2) return `add ${key}: ... to the feed_dict of ${call.receiver}.run(...)${onLine(run.line)}`;
  return `pass feed_dict={${key}: ...} to the sess.run call${onLine(run.line)}`;
}

/** The language the program is written in (hints quote code in its syntax). */
export type Language = "typescript" | "python";

/** A run that read a variable before it held a value. */
export function uninitializedVariable(run: RunEvent, variable: string, facts: GraphFacts, source: SourceLines | null, language: Language = "typescript"): DiagnosticEvent {
  const v = facts.variables.get(variable);
  const vLine = v?.line ?? null;
  const covering = facts.initOpsCovering(variable);
  const ops = [variable];
  let fix: string;
  if (covering.length > 0) {
    const init = covering[covering.length - 1];
    const initVar = source ? assignedName(source.text(init.line), "(?:global_variables_initializer|variables_initializer|initialize_all_variables)") : null;
    fix = `The initializer '${init.name}'${at(init.line)} covers it: run it in this session first, sess.run(${initVar ?? init.name}).`;
    ops.push(init.name);
  } else if (v?.initBefore) {
    const init = v.initBefore;
    fix =
      `The initializer '${init.name}'${at(init.line)} was created before '${variable}'${at(vLine)}, and ` +
      `tf.global_variables_initializer() covers only the variables that exist when it is created. ` +
      `Create the initializer after all your variables, then run it first.`;
    ops.push(init.name);
  } else {
    fix =
      `Run tf.global_variables_initializer() first: create it after all your variables ` +
      `(${language === "python" ? "init = tf.global_variables_initializer()" : "const init = tf.global_variables_initializer();"}) and call sess.run(init) before this run, ` +
      `or give the variable a value with tf.assign.`;
  }
  return {
    type: "diagnostic",
    code: "uninitialized-variable",
    message:
      `The sess.run${onLine(run.line)} read variable '${variable}'${at(vLine)} before it held a value. ` +
      `A variable's value lives in the session, and each new session starts with every variable empty. ${fix}`,
    ops,
    line: run.line,
  };
}
