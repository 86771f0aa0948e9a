/**
 * Quick fixes for a failed run, as edits of the learner's text (the editor offers them on the
 * failure's marker: the light bulb, Ctrl+., or the marker's hover):
 * - an unfed placeholder: "Feed `input_placeholder` in this run" adds the entry to that
 *   `sess.run(...)` call's feed_dict (creating the feed_dict if there is none), with a value of
 *   the placeholder's dtype and shape for the learner to replace;
 * - an uninitialized variable: "Run the initializer first" inserts `sess.run(init);` before the
 *   failing statement (before its loop when it is in one), or runs a fresh
 *   `tf.global_variables_initializer()` when no initializer covers the variable.
 * Pure (source, nodes, run in; edits out), so it is tested without Monaco.
 */
import type { NodeEvent, RunEvent } from "../runner/events";
import { opOfTensor } from "../graph/model/names";
import { callWithFeed, parseRunCall } from "../graph/model/runCall";
import { isSimpleName } from "../ui/callSite";
import type { ProgramNames } from "../ui/programNames";

export interface TextEdit {
  /** 1-based line and columns of the text replaced (an insertion replaces nothing). */
  line: number;
  startColumn: number;
  endColumn: number;
  text: string;
}

export interface QuickFix {
  title: string;
  /** The line whose marker offers it (the failing `sess.run`). */
  line: number;
  edit: TextEdit;
}

/** Above this many elements a feed is written with numpy (`np.ones([1, 784])`), not a literal. */
const LITERAL_MAX = 16;

/** The fixes for a failed run of `source` (the text that ran), or [] when none applies. */
export function quickFixes(source: string, nodes: readonly NodeEvent[], run: RunEvent, names: ProgramNames): QuickFix[] {
  if (run.ok || run.error === undefined || run.error.op === null || run.line === null) return [];
  const lines = source.split(/\r\n?|\n/);
  const text = lines[run.line - 1];
  if (text === undefined) return [];
  const op = opOfTensor(run.error.op);
  const graph = run.graph;
  const node = nodes.find((n) => n.name === op && n.graph === graph);
  const category = names.categoryOf(op, graph);
  const spoken = names.nameOf(op, graph);
  if (category === "placeholder" && node !== undefined) {
    const call = parseRunCall(text);
    if (call === null) return [];
    const key = spoken !== undefined && isSimpleName(spoken) ? `[${spoken}]` : JSON.stringify(`${op}:0`);
    const replaced = callWithFeed(call, `${key}: ${sampleValue(node.dtype, node.shape)}`);
    const at = text.indexOf(call.text);
    return [{ title: `Feed \`${spoken ?? op}\` in this run`, line: run.line, edit: { line: run.line, startColumn: at + 1, endColumn: at + 1 + call.text.length, text: replaced } }];
  }
  if (category === "variable" && /uninitiali[sz]ed/i.test(run.error.message)) {
    const session = parseRunCall(text)?.session ?? sessionName(source);
    const init = initializerName(nodes, op, graph, names);
    const at = insertionLine(lines, run.line);
    const indent = /^\s*/.exec(lines[at - 1])![0];
    return [{ title: "Run the initializer first", line: run.line, edit: { line: at, startColumn: 1, endColumn: 1, text: `${indent}${session}.run(${init});\n` } }];
  }
  return [];
}

/**
 * A value to feed a placeholder of this dtype and shape (`(?, 3)` → `[[1.0, 1.0, 1.0]]`): unknown
 * dimensions are 1, an unknown shape is a scalar, a big one is numpy's `np.ones([...])`.
 */
export function sampleValue(dtype: string | null, shape: string | null): string {
  const base = (dtype ?? "float32").replace(/_ref$/, "");
  const one = base === "bool" ? "true" : base === "string" ? '"a"' : base.startsWith("int") ? "1" : "1.0";
  const m = shape === null ? null : /^\((.*)\)$/.exec(shape);
  if (m === null) return one;
  const dims = m[1]
    .split(",")
    .map((d) => d.trim())
    .filter((d) => d !== "")
    .map((d) => (d === "?" ? 1 : Number(d)));
  if (dims.some((d) => !Number.isInteger(d) || d < 0)) return one;
  const size = dims.reduce((a, b) => a * b, 1);
  if (size > LITERAL_MAX && (base.startsWith("float") || base.startsWith("int"))) return `np.ones([${dims.join(", ")}])`;
  const nest = (k: number): string => (k === dims.length ? one : `[${new Array(dims[k]).fill(null).map(() => nest(k + 1)).join(", ")}]`);
  return nest(0);
}

/** The session variable of the program (`const sess = tf.Session()`), else `sess`. */
function sessionName(source: string): string {
  return /\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*(?:new\s+)?tf\s*\.\s*(?:compat\s*\.\s*v1\s*\.\s*)?(?:Interactive)?Session\s*\(/.exec(source)?.[1] ?? "sess";
}

/**
 * What to run: the learner's name for the initializer that covers the variable (a grouping op
 * waiting for the variable's initial assign, `init`), else a fresh global initializer — made at
 * the inserted line, after the variable, so it covers it.
 */
function initializerName(nodes: readonly NodeEvent[], variable: string, graph: number, names: ProgramNames): string {
  const assigns = new Set(nodes.filter((n) => n.graph === graph && n.op === "Assign" && n.name.startsWith(`${variable}/`) && n.ref_inputs.some((t) => opOfTensor(t) === variable)).map((n) => n.name));
  for (const n of nodes) {
    if (n.graph !== graph || n.op !== "NoOp" || !n.control_inputs.some((c) => assigns.has(opOfTensor(c)))) continue;
    const name = names.nameOf(n.name, graph);
    if (name !== undefined && isSimpleName(name)) return name;
  }
  return "tf.global_variables_initializer()";
}

/**
 * Where a statement that must run once before line `line` goes: before it, or before the
 * outermost loop it is in (found by indentation: the lines above with less indentation that
 * start a `for`, `while` or `do`).
 */
function insertionLine(lines: readonly string[], line: number): number {
  let at = line;
  let indent = indentOf(lines[line - 1]);
  for (let i = line - 2; i >= 0 && indent > 0; i--) {
    const t = lines[i];
    if (t.trim() === "" || /^\s*(\/\/|\*|\/\*)/.test(t)) continue;
    const d = indentOf(t);
    if (d >= indent) continue;
    indent = d;
    if (/^\s*(for|while|do)\b/.test(t)) at = i + 1;
  }
  return at;
}

function indentOf(text: string): number {
  return /^\s*/.exec(text)![0].length;
}
