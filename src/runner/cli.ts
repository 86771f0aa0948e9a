/**
 * `npm run play -- FILE.ts [--trace OUT.jsonl] [--seed N] [--hints]`: runs a playground
 * program in Node. `print` and `console.log` go to stdout; tf.Print lines and `console.error`
 * to stderr; an uncaught error prints as `ErrorName: message` on stderr and exits with 1.
 * Exit code 2 is a usage error (bad option, unreadable file).
 */
import { readFileSync } from "node:fs";
import { parsePlayArgs, USAGE, UsageError, type PlayArgs } from "./cli/args";
import { fileSink, orderedPair, streamSink } from "./cli/sinks";
import { traceLine } from "./cli/trace_json";
import { endErrorText, hintText } from "./cli/messages";
import type { ProgramEvent } from "./events";
import { runProgram } from "./run_program";
import { freshSeed } from "./seeded_random";

async function main(argv: readonly string[]): Promise<number> {
  let args: PlayArgs;
  let source: string;
  try {
    args = parsePlayArgs(argv);
    source = readFileSync(args.file, "utf8");
  } catch (error) {
    const reason = error instanceof UsageError ? error.message : `cannot read the program: ${(error as Error).message}`;
    process.stderr.write(`play: ${reason}\n\n${USAGE}\n`);
    return 2;
  }

  const out = orderedPair(streamSink(process.stdout), streamSink(process.stderr));
  let trace: ReturnType<typeof fileSink> | null = null;
  try {
    trace = args.trace === null ? null : fileSink(args.trace);
  } catch (error) {
    process.stderr.write(`play: cannot write the trace: ${(error as Error).message}\n`);
    return 2;
  }

  const emit = (event: ProgramEvent): void => {
    trace?.write(traceLine(event));
    switch (event.type) {
      case "stdout":
        out.stdout.write(event.text + "\n");
        break;
      case "stderr":
        out.stderr.write(event.text + "\n");
        break;
      case "diagnostic":
        if (args.hints) out.stderr.write(hintText(event) + "\n");
        break;
      case "end":
        if (!event.ok) out.stderr.write(endErrorText(event, args.file) + "\n");
        break;
    }
  };

  const end = await runProgram(source, { seed: args.seed ?? freshSeed(), emit, values: args.values });
  out.flush();
  trace?.close();
  return end.ok ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    // exitCode, not exit(): pending writes to a pipe still drain.
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`play: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 70;
  },
);
