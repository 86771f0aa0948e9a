/**
 * Control flow in the structure: which name scopes are `tf.cond`s and `tf.while_loop`s, and the
 * two branch boxes drawn side by side inside a cond. The engine tags each op made inside a
 * branch or a loop body with its contexts (NodeRecord.flow); the structure reads only that, not
 * op types, so a cond is recognised however it was named.
 *
 * A branch is a group the structure adds (TF has no scope for it): `cond/true branch` holds the
 * ops `true_fn` made, `cond/false branch` those of `false_fn`. Its name cannot clash with a real
 * scope, as TF's names have no spaces. The cond's own plumbing (`Switch`, `pred_id`, `Merge`)
 * stays in the cond's box, between the branches.
 */
import type { GroupRole, LeafInfo, OpInfo } from "./structure";
import { STEP, type Sliced } from "./slices";

export interface FlowStructure {
  /** Roles of control-flow groups: cond scopes, their branch groups, loop scopes. */
  roles: Map<string, GroupRole>;
  /** A loop's frame (TF's context name, `while/while_context`) → the scope it is drawn as. */
  frames: Map<string, string>;
  /** A branch group → which branch it is (1: `true_fn`, 0: `false_fn`). */
  branches: Map<string, 0 | 1>;
}

/** The group drawn for one branch of the cond whose scope is `scope`. */
export function branchGroup(scope: string, branch: 0 | 1): string {
  return `${scope}/${branch === 1 ? "true" : "false"} branch`;
}

/** The control flow of a graph's ops, or undefined when it has none (the common case: no cost). */
export function flowStructure(order: readonly string[], ops: ReadonlyMap<string, OpInfo>): FlowStructure | undefined {
  let out: FlowStructure | undefined;
  for (const name of order) {
    const flow = ops.get(name)!.node.flow;
    if (flow === undefined) continue;
    out ??= { roles: new Map(), frames: new Map(), branches: new Map() };
    for (const f of flow) {
      if (f.kind === "while") {
        out.frames.set(f.name, f.scope);
        out.roles.set(f.scope, "while");
      } else {
        out.roles.set(f.scope, "cond");
        if (f.branch !== undefined) {
          const b = branchGroup(f.scope, f.branch);
          out.roles.set(b, "branch");
          out.branches.set(b, f.branch);
        }
      }
    }
  }
  return out;
}

/**
 * Puts each op of a branch into its branch group: the group goes into the leaf's chain right
 * after the cond's scope (outermost cond first, so a cond nested in a branch sits in that
 * branch's box).
 */
export function* insertBranchGroups(leaves: Map<string, LeafInfo>, ops: ReadonlyMap<string, OpInfo>, flow: FlowStructure): Sliced<void> {
  if (flow.branches.size === 0) return;
  let step = 0;
  for (const leaf of leaves.values()) {
    if ((++step & STEP) === STEP) yield;
    const records = ops.get(leaf.name)?.node.flow;
    if (records === undefined) continue;
    for (const f of records) {
      if (f.kind !== "cond" || f.branch === undefined) continue;
      const at = leaf.groups.indexOf(f.scope);
      if (at < 0) continue;
      const b = branchGroup(f.scope, f.branch);
      if (leaf.groups[at + 1] !== b) leaf.groups = [...leaf.groups.slice(0, at + 1), b, ...leaf.groups.slice(at + 1)];
    }
  }
}
