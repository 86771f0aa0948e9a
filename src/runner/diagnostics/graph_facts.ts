/**
 * What the diagnostics know about one graph, gathered from node and run events only (so they
 * work the same live and on a recorded trace): its ops, its variables and their initializers,
 * the `init` ops, and which ops some run's path went through.
 */
import type { NodeEvent, RunEvent } from "../events";

/** A `global_variables_initializer()` / `variables_initializer()` op. */
export interface InitOpFact {
  name: string;
  line: number | null;
  /** Creation order in the graph. */
  order: number;
  /** Names of the variable ops it initializes. */
  covers: Set<string>;
}

/** A variable op. */
export interface VariableFact {
  name: string;
  line: number | null;
  order: number;
  /** The newest init op that existed when the variable was created, if any. */
  initBefore: InitOpFact | null;
}

/** An op with its creation order. */
export interface OpFact {
  event: NodeEvent;
  order: number;
}

// `init`, `init_1`, `scope/init`: the names TF gives initializer groups.
const INIT_NAME = /(^|\/)init(_\d+)?$/;

/** Facts about one graph. */
export class GraphFacts {
  readonly ops = new Map<string, OpFact>();
  readonly variables = new Map<string, VariableFact>();
  readonly initOps: InitOpFact[] = [];
  /** Initializer assign op name → the variable it initializes (`count/Assign` → `count`). */
  readonly initializerOf = new Map<string, string>();
  /** Ops some run's path went through. */
  readonly onPath = new Set<string>();
  /** Ops some run planned but did not run, as their `tf.cond` branch was not taken. */
  readonly deadInRun = new Set<string>();
  /** Variables some run initialized. */
  readonly initialized = new Set<string>();
  /** Runs of this graph so far. */
  runs = 0;
  // Runs of one cached plan share their path array: each is walked once.
  private readonly walkedPaths = new WeakSet<readonly string[]>();

  addNode(e: NodeEvent): OpFact {
    const fact: OpFact = { event: e, order: this.ops.size };
    this.ops.set(e.name, fact);
    if (e.effects.includes("variable")) {
      const initBefore = this.initOps.length ? this.initOps[this.initOps.length - 1] : null;
      this.variables.set(e.name, { name: e.name, line: e.line, order: fact.order, initBefore });
    } else if (isInitializerAssign(e)) {
      this.initializerOf.set(e.name, e.name.slice(0, -"/Assign".length));
    } else if (e.op === "NoOp" && INIT_NAME.test(e.name) && e.control_inputs.every((c) => this.initializerOf.has(c))) {
      const covers = new Set(e.control_inputs.map((c) => this.initializerOf.get(c)!));
      this.initOps.push({ name: e.name, line: e.line, order: fact.order, covers });
    }
    return fact;
  }

  private lastPath: readonly string[] | null = null;

  addRun(e: RunEvent): void {
    this.runs++;
    const path = e.path;
    // Runs of one plan share their path array: a loop checks one reference per run.
    if (path !== this.lastPath && !this.walkedPaths.has(path)) {
      this.walkedPaths.add(path);
      for (let i = 0; i < path.length; i++) this.onPath.add(path[i]);
    }
    this.lastPath = path;
    const dead = e.dead;
    if (dead !== undefined) for (let i = 0; i < dead.length; i++) this.deadInRun.add(dead[i]);
    const effects = e.side_effects;
    for (let i = 0; i < effects.length; i++) {
      const s = effects[i];
      if (s.kind === "init" && s.target !== undefined) this.initialized.add(s.target);
    }
  }

  /**
   * Whether an assign writes what a file holds (a Saver's `save/Assign` from `save/RestoreV2`):
   * it runs when the program restores, and a program that only saves need not.
   */
  restoresFromFile(e: NodeEvent): boolean {
    return e.inputs.some((t) => this.ops.get(opOf(t))?.event.effects.includes("reads-file") === true);
  }

  /** Init ops that initialize `variable`. */
  initOpsCovering(variable: string): InitOpFact[] {
    return this.initOps.filter((i) => i.covers.has(variable));
  }
}

/** The assign a variable makes for its own initializer: `v/Assign`, writing `v`. */
function isInitializerAssign(e: NodeEvent): boolean {
  if (!e.effects.includes("writes-variable") || !e.name.endsWith("/Assign")) return false;
  const target = e.ref_inputs[0];
  return target !== undefined && target === `${e.name.slice(0, -"/Assign".length)}:0`;
}

/** The op name of a tensor name (`count:0` → `count`). */
export function opOf(tensorName: string): string {
  const i = tensorName.lastIndexOf(":");
  return i < 0 ? tensorName : tensorName.slice(0, i);
}
