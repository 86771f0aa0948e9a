/**
 * The `play` command's arguments:
 * `FILE.ts [--trace OUT.jsonl] [--seed N] [--hints] [--values MODE] [--time-limit S] [--memory-limit MB]
 * [--files DIR]`.
 */
import type { ValuesMode } from "../events";
import { isValidSeed, MAX_SEED } from "../seeded_random";
import { DEFAULT_FILES_DIR } from "./disk_files";

/** Parsed arguments. */
export interface PlayArgs {
  file: string;
  trace: string | null;
  seed: number | null;
  hints: boolean;
  values: ValuesMode;
  /** Seconds the program may run; 0: no limit. */
  timeLimit: number;
  /** Megabytes of JavaScript heap the program may use. */
  memoryLimit: number;
  /** The directory the program's checkpoints are read from and written to. */
  files: string;
}

/** The page's default time limit. */
export const DEFAULT_TIME_LIMIT = 30;
export const DEFAULT_MEMORY_LIMIT = 1024;

export const USAGE = `usage: npm run play -- FILE.ts [--trace OUT.jsonl] [--seed N] [--hints] [--values none|fetches|all]
                      [--time-limit SECONDS] [--memory-limit MB] [--files DIR]

  --trace OUT.jsonl     write the events as JSON lines: the first and last 1,000 runs in full,
                        the runs in between folded into one line (as the page shows them)
  --seed N              seed Math.random and unseeded random ops (0..${MAX_SEED}; default: random)
  --hints               print the playground's teaching hints to stderr
  --values MODE         tensor values in the trace's run events (default: fetches)
  --time-limit SECONDS  stop the program after this long (default: ${DEFAULT_TIME_LIMIT}; 0: no limit)
  --memory-limit MB     JavaScript heap the program may use (default: ${DEFAULT_MEMORY_LIMIT})
  --files DIR           where tf.train.Saver reads and writes checkpoints; the program's paths are
                        taken inside DIR (/tmp/model.ckpt is DIR/tmp/model.ckpt.npz) and cannot
                        leave it (default: ${DEFAULT_FILES_DIR})`;

/** A mistake in the command line. */
export class UsageError extends Error {}

const VALUES: readonly ValuesMode[] = ["none", "fetches", "all"];

/**
 * Parses `process.argv.slice(2)`.
 * @throws UsageError with the reason
 */
export function parsePlayArgs(argv: readonly string[]): PlayArgs {
  const out: PlayArgs = { file: "", trace: null, seed: null, hints: false, values: "fetches", timeLimit: DEFAULT_TIME_LIMIT, memoryLimit: DEFAULT_MEMORY_LIMIT, files: DEFAULT_FILES_DIR };
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, null];
    const value = (): string => {
      if (inline !== null) return inline;
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case "--trace":
        out.trace = value();
        break;
      case "--seed": {
        const text = value();
        const seed = /^\d+$/.test(text) ? Number(text) : NaN;
        if (!isValidSeed(seed)) throw new UsageError(`--seed must be an integer from 0 to ${MAX_SEED}, got ${text}`);
        out.seed = seed;
        break;
      }
      case "--hints":
        out.hints = true;
        break;
      case "--values": {
        const v = value();
        if (!VALUES.includes(v as ValuesMode)) throw new UsageError(`--values must be one of ${VALUES.join(", ")}, got ${v}`);
        out.values = v as ValuesMode;
        break;
      }
      case "--time-limit": {
        const text = value();
        const s = /^\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
        // setTimeout takes at most 2^31 - 1 ms (24.8 days); 0 means none.
        if (!(s >= 0 && s * 1000 <= 2 ** 31 - 1)) throw new UsageError(`--time-limit must be a number of seconds (0 for no limit), got ${text}`);
        out.timeLimit = s;
        break;
      }
      case "--memory-limit": {
        const text = value();
        const mb = /^\d+$/.test(text) ? Number(text) : NaN;
        if (!(mb >= 16 && mb <= 65536)) throw new UsageError(`--memory-limit must be a number of megabytes from 16 to 65536, got ${text}`);
        out.memoryLimit = mb;
        break;
      }
      case "--files": {
        const dir = value();
        if (dir === "") throw new UsageError("--files needs a directory");
        out.files = dir;
        break;
      }
      default:
        if (arg.startsWith("-") && arg !== "-") throw new UsageError(`unknown option ${arg}`);
        files.push(arg);
    }
  }
  if (files.length !== 1) throw new UsageError(files.length === 0 ? "no program file given" : `one program file at a time, got ${files.join(" ")}`);
  out.file = files[0];
  return out;
}
