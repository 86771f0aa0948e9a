/**
 * `npm run play -- FILE.ts [--trace OUT.jsonl] [--seed N] [--hints] [--values MODE]
 * [--time-limit S] [--memory-limit MB] [--files DIR]`: runs a playground program in Node.
 *
 * The program runs in a process of its own (src/runner/cli/child.ts), locked down as the page's
 * worker is (no network, no modules, no other processes, no files but its checkpoints inside
 * the --files directory: cli/disk_files.ts); this process watches it:
 * it stops it at the time limit, and reports a program that ran out of memory. `print` and
 * `console.log` go to stdout; tf.Print lines and `console.error` to stderr; every line is
 * written as it is printed, so nothing printed is lost however the program ends. A failed
 * program prints `ErrorName: message` on stderr and exits with 1. Exit code 2 is a usage error
 * (bad option, unreadable file), 70 a failure of `play` itself.
 */
import { spawn } from "node:child_process";
import { closeSync, openSync, readFileSync, writeSync } from "node:fs";
import type { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { parsePlayArgs, USAGE, UsageError, type PlayArgs } from "./cli/args";
import { STATUS, type ChildConfig } from "./cli/child_protocol";
import { endErrorText } from "./cli/messages";
import { playOutcome, type ChildExit } from "./cli/outcome";
import { traceLine } from "./cli/trace_json";
import { freshSeed } from "./seeded_random";

const CHILD = fileURLToPath(new URL("./cli/child.ts", import.meta.url));
/** Node's own messages from the child, kept up to this size (its fatal-error report is short). */
const MAX_NOISE = 64 * 1024;

/** Writes to this process's stderr without opening it as a stream (the child shares it). */
function say(text: string): void {
  try {
    writeSync(2, text);
  } catch {
    // stderr closed: nothing else to say it on.
  }
}

async function main(argv: readonly string[]): Promise<number> {
  let args: PlayArgs;
  try {
    args = parsePlayArgs(argv);
    readFileSync(args.file, "utf8");
  } catch (error) {
    const reason = error instanceof UsageError ? error.message : `cannot read the program: ${(error as Error).message}`;
    say(`play: ${reason}\n\n${USAGE}\n`);
    return 2;
  }
  let traceFd: number | null = null;
  try {
    traceFd = args.trace === null ? null : openSync(args.trace, "w");
  } catch (error) {
    say(`play: cannot write the trace: ${(error as Error).message}\n`);
    return 2;
  }

  const seed = args.seed ?? freshSeed();
  const config: ChildConfig = { file: args.file, seed, values: args.values, hints: args.hints, trace: traceFd !== null, files: args.files };
  const exit = await runChild(config, args, traceFd);
  const outcome = playOutcome(exit, args);
  if (outcome.error) {
    say(endErrorText({ type: "end", ok: false, error: outcome.error, seed }, args.file) + "\n");
    if (traceFd !== null) {
      // The child wrote the trace up to where it was stopped; what it held back for the end is gone.
      if (exit.folded) writeSync(traceFd, traceLine({ type: "omitted", what: "tail", reason: "the program was stopped before its end: the last runs and lines, held back for the end of the trace, are lost" }));
      writeSync(traceFd, traceLine({ type: "end", ok: false, error: outcome.error, seed }));
    }
  }
  if (traceFd !== null) closeSync(traceFd);
  if (outcome.internal) say(`play: internal error: ${outcome.internal}\n`);
  return outcome.exitCode;
}

/** Runs the program's process to its end. */
function runChild(config: ChildConfig, args: PlayArgs, traceFd: number | null): Promise<ChildExit & { folded: boolean }> {
  return new Promise((resolve) => {
    // The child inherits this process's options (tsx's loader), plus its heap limit.
    const child = spawn(process.execPath, [...process.execArgv, `--max-old-space-size=${args.memoryLimit}`, CHILD, JSON.stringify(config)], {
      stdio: ["ignore", 1, "pipe", 2, "pipe", traceFd ?? "ignore"],
    });
    let noise = "";
    let started = false;
    let folded = false;
    let timedOut = false;
    let line: number | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    (child.stdio[2] as Readable).setEncoding("utf8").on("data", (text: string) => {
      if (noise.length < MAX_NOISE) noise += text;
    });
    let status = "";
    (child.stdio[4] as Readable).setEncoding("utf8").on("data", (text: string) => {
      status += text;
      for (let nl = status.indexOf("\n"); nl >= 0; nl = status.indexOf("\n")) {
        const word = status.slice(0, nl);
        status = status.slice(nl + 1);
        if (word === STATUS.folding) folded = true;
        if (word.startsWith(`${STATUS.line} `)) line = Number(word.slice(STATUS.line.length + 1)) || null;
        if (word === STATUS.started && !started) {
          started = true;
          // The limit counts the program's time, not Node's start-up.
          if (args.timeLimit > 0) {
            timer = setTimeout(() => {
              timedOut = true;
              child.kill("SIGKILL");
            }, args.timeLimit * 1000);
          }
        }
      }
    });
    child.on("error", (error) => {
      noise += `${error.message}\n`;
    });
    child.on("close", (code, signal) => {
      if (timer !== null) clearTimeout(timer);
      resolve({ code, signal, timedOut, noise, started, folded, line });
    });
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    say(`play: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 70;
  },
);
