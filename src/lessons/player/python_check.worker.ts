/**
 * The lesson-check worker for Python programs: check.worker.ts's twin, with Pyodide. The page
 * boots it with Pyodide's files (`boot`, as the Python program worker) and keeps a spare booted;
 * once Python is ready the worker is locked down, its built-ins are frozen for the checks
 * (hardenForChecks), and it runs the page's one `check`: the learner's program a second time,
 * with the same seed, and every task's checks on its whole event stream.
 */
import { hardenForChecks } from "../../worker/harden";
import { lockDown } from "../../worker/lockdown";
import type { PythonAssets } from "../../worker/protocol";
import { bootPython } from "../../worker/python_boot";
import type { PythonRuntime } from "../../runner/python/runtime";
import { runAndCheckTasks } from "../run_checks";
import type { CheckReply, CheckRequest, CheckStarted, ToCheckWorker } from "./check_protocol";

let post: ((m: unknown) => void) | null = null;
let giveAssets: (assets: PythonAssets) => void = () => undefined;
const runtime: Promise<PythonRuntime> = new Promise<PythonAssets>((resolve) => (giveAssets = resolve)).then(bootPython).then(
  (rt) => {
    post = lockDown(self as unknown as typeof globalThis);
    hardenForChecks();
    return rt;
  },
  (error: unknown) => {
    post ??= lockDown(self as unknown as typeof globalThis);
    throw error;
  },
);

async function check(m: CheckRequest): Promise<void> {
  let python: PythonRuntime;
  try {
    python = await runtime;
  } catch (error) {
    const why = `Python could not start: ${error instanceof Error ? error.message : String(error)}`;
    const reply: CheckReply = {
      type: "checked",
      id: m.id,
      outcomes: m.tasks.map((t) => ({ task: t.task, passed: false, failures: [why] })),
      end: { type: "end", ok: false, seed: m.seed, error: { type: "RuntimeError", message: why } },
    };
    post?.(reply);
    return;
  }
  post?.({ type: "started", id: m.id } satisfies CheckStarted);
  const { end, outcomes } = await runAndCheckTasks(m.source, m.tasks, m.seed, { language: "python", python });
  post?.({ type: "checked", id: m.id, outcomes, end } satisfies CheckReply);
}

let booting = false;
let checking = false;
const onMessage = (event: MessageEvent<ToCheckWorker>) => {
  if (!event.isTrusted) return;
  const m = event.data;
  if (m?.type === "boot" && !booting) {
    booting = true;
    giveAssets(m.python);
  } else if (m?.type === "check" && !checking) {
    // One check per worker; `boot` may still come after it (Pyodide's files still loading).
    checking = true;
    void check(m);
  }
};
self.addEventListener("message", onMessage);
