/**
 * Each session's memory after the selected run: every variable of the session's graph, its
 * value, or "not initialized" — TF1's sessions each hold their own copy of the variables.
 */
import { useMemo } from "react";
import type { ValueSummary } from "../../engine";
import { runAt, useStore, type RunsStore } from "../store";
import { count } from "../ui/format";
import { valueText } from "../ui/valueText";
import { dtypeIndex } from "../ui/tensorDtype";
import { RESOURCE_OPS, SessionResources } from "./SessionResources";
import { checkpointNotes } from "../files/checkpointNotes";

const VARIABLE_OPS = new Set(["VariableV2", "Variable", "VarHandleOp"]);

/** The memory of `session` as of run `at`: from the latest kept run of that session ≤ at. */
export function memoryAt(runs: RunsStore, session: number, at: number): { asOf: number | null; memory: Record<string, ValueSummary | null> } {
  const candidates = [...runs.tail].reverse().concat([...runs.head].reverse());
  if (runs.latest) candidates.unshift(runs.latest);
  for (const r of candidates) if (r.index <= at && r.session === session) return { asOf: r.index, memory: r.memory ?? {} };
  return { asOf: null, memory: {} };
}

/**
 * Which run a session's memory is shown after, said about the selected run: a run in the
 * summarized middle of a long loop has no memory kept, and the nearest kept run is named.
 */
export function asOfText(asOf: number | null, selected: number | null, selectedKept: boolean): string {
  if (asOf === null) return selected === null ? "not run yet" : `not run yet at run #${count(selected)}`;
  if (selected === null || asOf === selected) return `after run #${count(asOf)}`;
  if (!selectedKept) return `after run #${count(asOf)}: run #${count(selected)} is in the summarized middle of a long loop, where values are not kept`;
  return `after run #${count(asOf)}, its last run before #${count(selected)}`;
}

export function SessionMemory() {
  const sessions = useStore((s) => s.program.sessions);
  const runs = useStore((s) => s.program.runs);
  const nodes = useStore((s) => s.program.nodes);
  const selected = useStore((s) => s.selection.run);
  const graphOf = useMemo(() => {
    const m = new Map<number, number>();
    for (const r of runs.head) if (!m.has(r.session)) m.set(r.session, r.graph);
    for (const r of runs.tail) if (!m.has(r.session)) m.set(r.session, r.graph);
    return m;
  }, [runs]);
  const variablesByGraph = useMemo(() => {
    const m = new Map<number, string[]>();
    for (const n of nodes) if (VARIABLE_OPS.has(n.op)) m.set(n.graph, [...(m.get(n.graph) ?? []), n.name]);
    return m;
  }, [nodes]);
  // Iterators and queues: session memory that is not a variable (see SessionResources).
  const resourcesByGraph = useMemo(() => {
    const m = new Map<number, { name: string; kind: "iterator" | "queue" }[]>();
    for (const n of nodes) {
      const kind = RESOURCE_OPS[n.op];
      if (kind !== undefined) m.set(n.graph, [...(m.get(n.graph) ?? []), { name: n.name, kind }]);
    }
    return m;
  }, [nodes]);

  if (sessions.length === 0) return <p className="muted">No session has run yet.</p>;
  const at = selected ?? Number.MAX_SAFE_INTEGER;
  const selectedRun = selected === null ? undefined : runAt(runs, selected);
  return (
    <div className="session-memory" aria-label="Session memory">
      {sessions.map((session) => {
        const { asOf, memory } = memoryAt(runs, session, at);
        const graph = graphOf.get(session);
        const resources = resourcesByGraph.get(graph ?? -1) ?? [];
        const names = new Set([...(variablesByGraph.get(graph ?? -1) ?? []), ...Object.keys(memory)]);
        for (const r of resources) names.delete(r.name);
        return (
          <section key={session} className={`session${selectedRun?.session === session ? " session-current" : ""}`} aria-label={`Session ${session}`}>
            <h3>
              Session {session}
              <span className="muted" data-testid="memory-as-of"> · {asOfText(asOf, selected, selectedRun !== undefined)}</span>
            </h3>
            {checkpointNotes(runs, session, at).map((n) => (
              <p key={n.kind} className="muted checkpoint-note" data-testid={`memory-${n.kind}`}>
                {n.kind === "restore" ? "Restored from " : "Saved to "}
                <code>{n.file}</code> by run #{count(n.run)}
              </p>
            ))}
            {names.size === 0 ? (
              <p className="muted">No variables.</p>
            ) : (
              <table className="memory-table">
                <thead>
                  <tr>
                    <th scope="col">Variable</th>
                    <th scope="col">Value</th>
                  </tr>
                </thead>
                <tbody>
                  {[...names].map((name) => {
                    const v = memory[name];
                    const init = v !== undefined && v !== null;
                    return (
                      <tr key={name} data-variable={name} data-initialized={init}>
                        <td>
                          <code>{name}</code>
                        </td>
                        <td className={init ? "" : "uninitialized"}>
                          {init ? valueText(v, dtypeIndex(nodes)(name, graph)) : <><span aria-hidden="true">⚠ </span>not initialized</>}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )}
            <SessionResources resources={resources} memory={memory} />
          </section>
        );
      })}
    </div>
  );
}
