/**
 * Panes that stay mounted whatever the layout. The wide layout (splits) and the narrow one
 * (tabs) are different trees, so crossing the 900 px breakpoint (a window resized, a tablet
 * turned) would remount everything in them: the graph would lose its zoom, its opened scopes
 * and series and lay out again, the editor its undo history. Instead each kept pane is
 * rendered once, by `KeptPanes` at the page's top, into an element of its own (a portal), and
 * the layouts only say where that element goes (`KeptPlace`), which moves it — the same
 * component instances, moved in the document.
 */
import { createContext, useContext, useLayoutEffect, useRef, useState, type ReactNode } from "react";
import { createPortal } from "react-dom";

export type KeptName = "graph" | "editor";

const Hosts = createContext<ReadonlyMap<KeptName, HTMLElement> | null>(null);

/** Renders each pane into its host element and lets the layouts below place the hosts. */
export function KeptPanes({ panes, children }: { panes: Partial<Record<KeptName, ReactNode>>; children: ReactNode }) {
  const [hosts] = useState(() => {
    const m = new Map<KeptName, HTMLElement>();
    for (const name of Object.keys(panes) as KeptName[]) {
      const host = document.createElement("div");
      host.className = "kept-host";
      host.dataset.kept = name;
      m.set(name, host);
    }
    return m;
  });
  return (
    <Hosts.Provider value={hosts}>
      {children}
      {/* After the layout: its places exist (their layout effects ran) when the panes mount. */}
      {[...hosts].map(([name, host]) => (panes[name] === undefined ? null : createPortal(panes[name], host, name)))}
    </Hosts.Provider>
  );
}

/** Where the kept pane `name` is shown in this layout. */
export function KeptPlace({ name }: { name: KeptName }) {
  const hosts = useContext(Hosts);
  const place = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const host = hosts?.get(name);
    if (host !== undefined && place.current !== null && host.parentElement !== place.current) place.current.append(host);
  }, [hosts, name]);
  return <div ref={place} className="kept-place" />;
}
