/**
 * The graph in a window of its own (a second screen, a projector): the page opens an empty
 * window and React renders the graph pane into it through a portal, so the pane keeps reading
 * the one store — no copy of the program's state, nothing to keep in step. The page's style
 * sheets are mirrored into the window (including those lazy chunks add later) and so is the
 * theme. Closing the window puts the graph back in its pane; leaving the page closes it.
 *
 * Both windows share one event loop: the graph draws with the page's animation frames, so it
 * pauses while the page's own window is minimized.
 */
import { useSyncExternalStore } from "react";
import { setGraphPlacement, showBanner, useStore } from "../../store";

interface Popout {
  win: Window;
  root: HTMLElement;
  cleanup(): void;
}

let current: Popout | null = null;
const listeners = new Set<() => void>();

function changed(): void {
  for (const l of listeners) l();
}

/** The pop-out window's root element, while the graph is in it. */
export function usePopoutRoot(): HTMLElement | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current?.root ?? null,
    () => null,
  );
}

/** Opens the graph in its own window (call from a click: browsers block other pop-ups). */
export function popOutGraph(): void {
  if (current !== null) {
    current.win.focus();
    return;
  }
  const win = window.open("", "tf-graph-playground-graph", "popup,width=960,height=720");
  if (win === null) {
    showBanner({ kind: "warning", text: "The browser blocked the graph's window. Allow pop-ups for this page, or use Maximize graph (G)." });
    return;
  }
  const doc = win.document;
  doc.title = "Graph · TF Graph Playground";
  doc.documentElement.lang = document.documentElement.lang || "en";
  doc.body.replaceChildren();
  const root = doc.createElement("div");
  root.id = "root";
  root.className = "popout-root";
  doc.body.append(root);

  const copied = new WeakSet<Element>();
  const mirrorStyles = () => {
    const have = new Set([...doc.head.querySelectorAll("link[rel=stylesheet]")].map((l) => (l as HTMLLinkElement).href));
    for (const el of document.head.querySelectorAll("link[rel=stylesheet], style")) {
      if (el instanceof HTMLLinkElement) {
        if (have.has(el.href)) continue;
        const link = doc.createElement("link");
        link.rel = "stylesheet";
        link.href = el.href;
        doc.head.append(link);
        have.add(el.href);
      } else if (!copied.has(el)) {
        copied.add(el);
        const style = doc.createElement("style");
        style.textContent = el.textContent;
        doc.head.append(style);
      }
    }
  };
  const mirrorTheme = () => {
    const theme = document.documentElement.dataset.theme;
    if (theme === undefined) delete doc.documentElement.dataset.theme;
    else doc.documentElement.dataset.theme = theme;
  };
  mirrorStyles();
  mirrorTheme();
  const heads = new MutationObserver(mirrorStyles);
  heads.observe(document.head, { childList: true });
  const themes = new MutationObserver(mirrorTheme);
  themes.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });

  const closeOnLeave = () => win.close();
  // The window went away (closed by the learner, or reloaded): the graph comes back.
  const back = () => {
    if (current?.win !== win) return;
    current.cleanup();
    current = null;
    changed();
    if (useStore.getState().layout.graph === "popped") setGraphPlacement("docked");
  };
  win.addEventListener("pagehide", back);
  // pagehide is not fired for every way a window closes; a cheap poll catches the rest.
  const poll = setInterval(() => win.closed && back(), 500);
  window.addEventListener("pagehide", closeOnLeave);
  current = {
    win,
    root,
    cleanup: () => {
      heads.disconnect();
      themes.disconnect();
      clearInterval(poll);
      window.removeEventListener("pagehide", closeOnLeave);
    },
  };
  setGraphPlacement("popped");
  changed();
}

/** Puts the graph back in its pane and closes its window. */
export function dockGraph(): void {
  const p = current;
  if (p !== null) {
    current = null;
    p.cleanup();
    changed();
    p.win.close();
  }
  setGraphPlacement("docked");
}
