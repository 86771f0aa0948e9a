/**
 * `npm run lessons:check [-- lessons/06-placeholders.md ...]`: proves every lesson works.
 *
 * For each task of each lesson (default: every lessons/NN-*.md):
 * - its solution runs and passes all of the task's checks;
 * - the starter does NOT pass the task's checks, unless the task is marked `starterPasses`
 *   (then it must pass: the task is "run it and look");
 * - it has at least one hint (a house rule for our own lessons; instructors' files may skip it).
 * Prints one line per task and ends with `N passed, N failed`; exits 1 if anything failed.
 */
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { parseLessonSet } from "../src/lessons/collection";
import type { Lesson, Task } from "../src/lessons/lesson";
import { runAndCheck } from "../src/lessons/run_checks";

const LESSONS_DIR = "lessons";
/** Lesson files are numbered (`01-the-graph.md`); FORMAT.md and friends are not lessons. */
const LESSON_FILE = /^\d+-[\w-]+\.md$/;

async function checkTask(lesson: Lesson, task: Task): Promise<string[]> {
  const problems: string[] = [];
  const solution = await runAndCheck(task.solution, task.checks);
  for (const f of solution.failures) problems.push(`the solution fails a check: ${f}`);
  const starter = await runAndCheck(lesson.starter, task.checks);
  if (task.starterPasses && !starter.passed) {
    for (const f of starter.failures) problems.push(`the task is marked starterPasses, but the starter fails a check: ${f}`);
  }
  if (!task.starterPasses && starter.passed) {
    problems.push("the starter already passes every check: make a check that needs the learner's change, or mark the task starterPasses");
  }
  if (task.hints.length === 0) problems.push("the task has no ```hint block");
  return problems;
}

async function main(argv: readonly string[]): Promise<number> {
  // Every lesson is parsed (so `requires` can name any of them); only the chosen ones run.
  const ours = readdirSync(LESSONS_DIR).filter((f) => LESSON_FILE.test(f)).sort().map((f) => join(LESSONS_DIR, f));
  const chosen = argv.length > 0 ? argv.map((p) => join(p)) : ours;
  const paths = [...new Set([...ours, ...chosen])];
  const set = parseLessonSet(paths.map((file) => ({ file, text: readFileSync(file, "utf8") })));
  const lessons = set.lessons.filter((l) => chosen.includes(l.file));
  const errors = set.errors.filter((e) => chosen.includes(e.file));
  let passed = 0;
  let failed = 0;
  for (const e of errors) {
    console.log(`✗ ${e.message}`);
    failed++;
  }
  for (const lesson of lessons) {
    console.log(`${basename(lesson.file)} — ${lesson.title}`);
    for (const task of lesson.tasks) {
      const problems = await checkTask(lesson, task);
      if (problems.length === 0) {
        passed++;
        console.log(`  ✓ ${task.id}`);
      } else {
        failed++;
        console.log(`  ✗ ${task.id} (${lesson.file}:${task.line})`);
        for (const p of problems) console.log(`      ${p.replace(/\n/g, "\n      ")}`);
      }
    }
  }
  console.log(`lessons: ${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 70;
  },
);
