/**
 * How to lay out the page, from its query: `?embed=1` (a compact view for an iframe: title
 * visible, no chrome) and `?hide=lessons,console,runs,...` (panes left out). What to open is
 * the hash's business (share links, lesson links).
 */

/** Panes the `hide` parameter can hide. */
export const PANES = ["lessons", "editor", "console", "graph", "runs"] as const;
export type Pane = (typeof PANES)[number];

export interface PageOptions {
  embed: boolean;
  hidden: Set<Pane>;
}

/** `?embed=1&hide=console,runs` → how to lay out the page. Unknown pane names are ignored. */
export function parsePageOptions(search: string): PageOptions {
  const q = new URLSearchParams(search);
  const embed = q.get("embed") === "1" || q.get("embed") === "true";
  const hidden = new Set<Pane>();
  for (const name of (q.get("hide") ?? "").split(",")) {
    const p = name.trim().toLowerCase();
    if ((PANES as readonly string[]).includes(p)) hidden.add(p as Pane);
  }
  return { embed, hidden };
}

/** This page's options (read once: the query does not change while the page lives). */
export const PAGE: PageOptions = parsePageOptions(typeof location === "undefined" ? "" : location.search);
