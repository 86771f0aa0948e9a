/**
 * Python mode in `npm run bench`: Pyodide's load time in Node, and the tutorial's 100,000-step
 * regression with its print every step as the app's worker runs it, in Python and in the
 * TypeScript dialect side by side; the difference per step is what the Python bridge costs.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { loadPythonNode } from "../src/runner/python/load_node";
import type { PythonRuntime } from "../src/runner/python/runtime";
import { runInApp } from "./lib/app";
import { tutorialProgram } from "./lib/programs";
import { median } from "./lib/stats";
import { ms, rate, row, spread } from "./lib/report";

// The bench runs from a bundle in bench/.out: the Python modules are found from the repo root.
const LIB = resolve("src/runner/python/lib");
const SOURCE = readFileSync(resolve("examples/tutorial_py/15_linear_regression.py"), "utf8");

/** The tutorial's Python program, as pasted, with `steps` steps. */
function pythonTutorial(steps: number): string {
  return SOURCE.replace("range(100000)", `range(${steps})`);
}

/** Wall and CPU time (this process: on a shared machine the steadier figure) of one run of the tutorial in the app's worker path (ms). */
async function runMs(source: string, python: PythonRuntime | null): Promise<{ wall: number; cpu: number }> {
  const c0 = process.cpuUsage();
  const r = await runInApp(source, 1, null, python ? { language: "python", python } : {});
  const c = process.cpuUsage(c0);
  if (!r.ok) throw new Error(`bench: the tutorial program failed: ${r.error}`);
  return { wall: r.ms, cpu: (c.user + c.system) / 1000 };
}

/**
 * Prints the Python rows.
 * @example
 * await pythonBench(5, 100_000);
 */
export async function pythonBench(reps: number, steps: number): Promise<void> {
  const say = (what: string) => process.stderr.write(`bench: python, ${what}\n`);
  say("loading Pyodide");
  let t0 = performance.now();
  const rt = await loadPythonNode(LIB);
  const cold = performance.now() - t0;
  t0 = performance.now();
  await loadPythonNode(LIB);
  const second = performance.now() - t0;

  const py: number[] = [];
  const ts: number[] = [];
  const pyCpu: number[] = [];
  const tsCpu: number[] = [];
  // A warm-up round of each, then `reps` timed rounds, alternating so load changes hit both.
  for (let i = 0; i <= reps; i++) {
    say(`round ${i}${i === 0 ? " (warm-up)" : ""}`);
    const p = await runMs(pythonTutorial(steps), rt);
    const t = await runMs(tutorialProgram(steps, true), null);
    if (i > 0) {
      py.push(p.wall);
      ts.push(t.wall);
      pyCpu.push(p.cpu);
      tsCpu.push(t.cpu);
    }
  }
  const overhead = ((median(py) - median(ts)) * 1000) / steps;
  console.log(`\nPython mode (Pyodide ${rt.pyodide.version}, CPython as wasm, in Node)`);
  console.log(row("Pyodide load + the playground's modules, first in the process", ms(cold)));
  console.log(row("  again in the same process (wasm compiled again, files cached by the OS)", ms(second)));
  console.log(`The tutorial's regression, ${steps.toLocaleString("en-US")} steps with print(update_i, _loss) every step, the app's worker path:`);
  console.log(row("Python, pasted as written (examples/tutorial_py/15_linear_regression.py)", `${ms(median(py))} (${rate((steps * 1000) / median(py))})`, "< 3000 ms (the page: bench:ui)"));
  console.log(row("TypeScript dialect (examples/tutorial/15_linear_regression.ts)", `${ms(median(ts))} (${rate((steps * 1000) / median(ts))})`));
  console.log(row("Python bridge overhead per step (Python − TypeScript)", `${overhead.toFixed(1)} µs`));
  console.log(`  spread over rounds: Python ${spread(py, ms)}; TypeScript ${spread(ts, ms)}`);
  const cpuOverhead = ((median(pyCpu) - median(tsCpu)) * 1000) / steps;
  console.log(row("  CPU time (steadier on a shared machine): Python / TypeScript", `${ms(median(pyCpu))} / ${ms(median(tsCpu))}`));
  console.log(row("  Python overhead per step in CPU time", `${cpuOverhead.toFixed(1)} µs`));
  console.log(`  CPU spread: Python ${spread(pyCpu, ms)}; TypeScript ${spread(tsCpu, ms)}`);
}
