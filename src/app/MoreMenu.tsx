/**
 * A "More" button whose panel holds controls a narrow toolbar has no room for. A disclosure
 * (not a menu: it holds a number field): Esc or a click elsewhere closes it.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from "react";

export function MoreMenu({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const away = (e: PointerEvent) => {
      if (!box.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", away);
    return () => document.removeEventListener("pointerdown", away);
  }, [open]);
  return (
    <div
      ref={box}
      className="more-menu"
      onKeyDown={(e) => {
        if (e.key === "Escape" && open) {
          setOpen(false);
          box.current?.querySelector<HTMLElement>("button")?.focus();
        }
      }}
    >
      <button type="button" className="btn btn-icon" aria-expanded={open} aria-controls={id} onClick={() => setOpen((v) => !v)} title="More settings">
        <span aria-hidden="true">⋯</span>
        <span className="sr-only">More settings</span>
      </button>
      <div id={id} className="more-menu-panel" hidden={!open}>
        {children}
      </div>
    </div>
  );
}
