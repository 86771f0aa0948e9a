/**
 * What a session holds besides variables, as of the selected run: each `tf.data` iterator's
 * position (elements read since it was initialized, or "end of sequence") and each queue's
 * size. Like variables, they live in the session, not in the graph: two sessions on one graph
 * hold two iterators, each at its own place. The values come from the runs' side effects
 * (kind `iterator` / `queue`, target the iterator's or queue's op), folded into the session's
 * memory like variable writes.
 */
import type { ValueSummary } from "../../engine";

/** Op types that make a resource the session holds, and what the panel calls it. */
export const RESOURCE_OPS: Readonly<Record<string, "iterator" | "queue">> = {
  IteratorV2: "iterator",
  OneShotIterator: "iterator",
  FIFOQueueV2: "queue",
  RandomShuffleQueueV2: "queue",
  PaddingFIFOQueueV2: "queue",
};

/** The text of a resource's state. */
export function resourceText(kind: "iterator" | "queue", v: ValueSummary | null | undefined): string {
  if (v === undefined || v === null) return kind === "iterator" ? "not initialized" : "not created yet";
  if (kind === "iterator") return typeof v === "number" ? `position ${v}` : String(v);
  if (typeof v === "number") return `${v} element${v === 1 ? "" : "s"}`;
  return String(v);
}

export function SessionResources({ resources, memory }: { resources: readonly { name: string; kind: "iterator" | "queue" }[]; memory: Record<string, ValueSummary | null> }) {
  if (resources.length === 0) return null;
  return (
    <table className="memory-table resource-table">
      <thead>
        <tr>
          <th scope="col">Iterator or queue</th>
          <th scope="col">State</th>
        </tr>
      </thead>
      <tbody>
        {resources.map(({ name, kind }) => {
          const v = memory[name];
          return (
            <tr key={name} data-resource={name} data-kind={kind} data-state={v === undefined || v === null ? "" : String(v)}>
              <td>
                <code>{name}</code> <span className="muted">{kind}</span>
              </td>
              <td className={v === undefined || v === null ? "uninitialized" : ""}>{resourceText(kind, v)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
