/**
 * "Export as lesson": the current program as a lesson file to edit, with checks suggested from
 * what its last run did, so an instructor starts from something that already passes.
 */
import type { ProgramState } from "../../store";
import type { ProgramLanguage } from "../../store/editorSlice";

function fence(code: string): string {
  // A fence longer than any backtick run in the code.
  const longest = Math.max(2, ...[...code.matchAll(/`+/g)].map((m) => m[0].length));
  return "`".repeat(longest + 1);
}

/** Checks that hold for the program's last run: its graph's op counts and how it ended. */
export function suggestedChecks(program: Pick<ProgramState, "nodes" | "runCount" | "error" | "status">): string[] {
  const checks: string[] = [];
  const byOp = new Map<string, number>();
  for (const n of program.nodes) byOp.set(n.op, (byOp.get(n.op) ?? 0) + 1);
  for (const [op, n] of [...byOp].sort((a, b) => b[1] - a[1]).slice(0, 3)) checks.push(`the graph has ${n} ${op} op${n === 1 ? "" : "s"}`);
  if (program.status === "done" || program.status === "error") {
    const n = program.runCount;
    checks.push(n === 0 ? "there are no runs" : n === 1 ? "there is 1 run" : `there are ${n} runs`);
    checks.push(program.error ? `the program fails with ${program.error.type}` : "the program succeeds");
  }
  return checks;
}

/** A TypeScript block for a lesson exported from a Python program: every lesson has TypeScript. */
const TS_TO_WRITE = "// The TypeScript version of the program (every lesson has one): see lessons/FORMAT.md.";

export function exportLessonText(code: string, program: Pick<ProgramState, "nodes" | "runCount" | "error" | "status">, language: ProgramLanguage = "typescript"): string {
  const f = fence(code);
  const checks = suggestedChecks(program);
  const python = language === "python";
  const block = (role: "starter" | "solution") =>
    python ? ["```ts " + role, TS_TO_WRITE, "```", "", `${f}py ${role}`, code, f] : [`${f}ts ${role}`, code, f];
  return [
    "---",
    "id: my-lesson",
    "title: My lesson",
    "order: 100",
    "summary: One sentence on what this lesson teaches.",
    "---",
    "",
    "Explain the idea here, and say what to look at in the graph. Name a node like",
    "[[node:Const]] and hovering the name highlights it.",
    "",
    ...block("starter"),
    "",
    "## Task: What to do {#task-1}",
    "",
    "Say what the learner should change. (Suggested checks below come from the last run:",
    "keep the ones that matter. See lessons/FORMAT.md for every check.)",
    "",
    "```check",
    ...(checks.length ? checks : ["no run fails"]),
    "```",
    "",
    "```hint",
    "A first nudge.",
    "```",
    "",
    ...block("solution"),
    "",
  ].join("\n");
}
