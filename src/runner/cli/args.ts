/**
 * The `play` command's arguments: `FILE.ts [--trace OUT.jsonl] [--seed N] [--hints] [--values MODE]`.
 */
import type { ValuesMode } from "../events";
import { isValidSeed, MAX_SEED } from "../seeded_random";

/** Parsed arguments. */
export interface PlayArgs {
  file: string;
  trace: string | null;
  seed: number | null;
  hints: boolean;
  values: ValuesMode;
}

export const USAGE = `usage: npm run play -- FILE.ts [--trace OUT.jsonl] [--seed N] [--hints] [--values none|fetches|all]

  --trace OUT.jsonl  write every event as one JSON object per line
  --seed N           seed Math.random and unseeded random ops (0..${MAX_SEED}; default: random)
  --hints            print the playground's teaching hints to stderr
  --values MODE      tensor values in the trace's run events (default: fetches)`;

/** A mistake in the command line. */
export class UsageError extends Error {}

const VALUES: readonly ValuesMode[] = ["none", "fetches", "all"];

/**
 * Parses `process.argv.slice(2)`.
 * @throws UsageError with the reason
 */
export function parsePlayArgs(argv: readonly string[]): PlayArgs {
  const out: PlayArgs = { file: "", trace: null, seed: null, hints: false, values: "fetches" };
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
      default:
        if (arg.startsWith("-") && arg !== "-") throw new UsageError(`unknown option ${arg}`);
        files.push(arg);
    }
  }
  if (files.length !== 1) throw new UsageError(files.length === 0 ? "no program file given" : `one program file at a time, got ${files.join(" ")}`);
  out.file = files[0];
  return out;
}
