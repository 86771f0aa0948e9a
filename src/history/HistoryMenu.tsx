/**
 * The toolbar's History menu: every copy of the learner's programs, newest first, with its time,
 * where it was (playground or lesson), why it was taken and its first line. Choosing one puts
 * it in the editor (after a copy of what is there). A menu button: arrow keys move, Escape
 * closes and returns focus.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { ensureBuiltInLessons } from "../lessons/player/store";
import { useStore } from "../store";
import { HistoryIcon } from "../ui/icons";
import { restoreSnapshot } from "./programHistory";
import { firstLine, REASON_TEXT, whenText, type HistoryEntry } from "./snapshot";
import "./history.css";

function placeName(entry: HistoryEntry, titles: ReadonlyMap<string, string>): string {
  if (entry.lesson === null) return entry.language === "python" ? "Playground (Python)" : "Playground";
  return `Lesson: ${titles.get(entry.lesson) ?? entry.lesson}`;
}

export function HistoryMenu() {
  const entries = useStore((s) => s.history.entries);
  const lessons = useStore((s) => s.lessons);
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const titles = new Map([...lessons.builtIn, ...(lessons.custom ? [lessons.custom.lesson] : [])].map((l) => [l.id, l.title]));

  const items = () => [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    // Lesson entries are named by their lesson's title: the lessons load on first need.
    if (entries.some((e) => e.lesson !== null)) void ensureBuiltInLessons();
    items()[0]?.focus();
    const outside = (e: PointerEvent) => {
      if (!menu.current?.contains(e.target as Node) && !button.current?.contains(e.target as Node)) close(false);
    };
    document.addEventListener("pointerdown", outside);
    return () => document.removeEventListener("pointerdown", outside);
  }, [open]);

  const onKey = (e: KeyboardEvent) => {
    const list = items();
    const i = list.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => {
      e.preventDefault();
      list[(to + list.length) % list.length]?.focus();
    };
    if (e.key === "ArrowDown") move(i + 1);
    else if (e.key === "ArrowUp") move(i - 1);
    else if (e.key === "Home") move(0);
    else if (e.key === "End") move(list.length - 1);
    else if (e.key === "Escape" || e.key === "Tab") {
      if (e.key === "Escape") e.preventDefault();
      close(e.key === "Escape");
    }
  };

  const now = Date.now();
  return (
    <div className="history">
      <button
        ref={button}
        type="button"
        className="btn btn-icon"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? "history-menu" : undefined}
        onClick={() => setOpen((o) => !o)}
        title="Earlier versions of your programs (a copy is kept before every run, link and lesson)"
      >
        <HistoryIcon />
        <span className="tb-label">History</span>
      </button>
      {open && (
        <div ref={menu} id="history-menu" className="history-menu" role="menu" aria-label="Earlier versions of your programs" onKeyDown={onKey}>
          {entries.length === 0 ? (
            <p className="history-empty" role="menuitem" aria-disabled="true" tabIndex={-1}>
              No copies yet. One is kept before every Run, before a link or a lesson replaces your code, and when you close the page.
            </p>
          ) : (
            entries.map((e) => (
              <button
                key={e.key}
                type="button"
                role="menuitem"
                className="history-item"
                onClick={() => {
                  restoreSnapshot(e.key);
                  close(true);
                }}
              >
                <span className="history-meta">
                  <time dateTime={new Date(e.time).toISOString()}>{whenText(e.time, now)}</time> · {placeName(e, titles)} · {REASON_TEXT[e.reason]}
                  {!e.stored && <span className="history-unsaved"> · not saved</span>}
                </span>
                <code className="history-line">{firstLine(e.code)}</code>
              </button>
            ))
          )}
        </div>
      )}
    </div>
  );
}
