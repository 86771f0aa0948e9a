/**
 * Small inline SVG icons. Emoji would depend on the system having an emoji font (many
 * classroom machines and kiosks do not, and the app must work offline), so the few pictorial
 * icons are drawn here; plain symbols (▶ ■ ✓ ✕) come from ordinary text fonts.
 */
const base = { width: 14, height: 14, viewBox: "0 0 16 16", fill: "none", stroke: "currentColor", strokeWidth: 1.6, strokeLinecap: "round", strokeLinejoin: "round", "aria-hidden": true, className: "icon" } as const;

/** A link: Share. */
export function ShareIcon() {
  return (
    <svg {...base}>
      <path d="M6.5 9.5l3-3" />
      <path d="M7.5 4.5l1-1a2.5 2.5 0 013.5 3.5l-1 1" />
      <path d="M8.5 11.5l-1 1a2.5 2.5 0 01-3.5-3.5l1-1" />
    </svg>
  );
}

/** A clock turning back: History. */
export function HistoryIcon() {
  return (
    <svg {...base}>
      <path d="M3 8a5 5 0 105-5 5 5 0 00-4 2" />
      <path d="M3.5 2.5V5.5h3" />
      <path d="M8 5.5V8l2 1.5" />
    </svg>
  );
}

/** An open book: Lessons. */
export function BookIcon() {
  return (
    <svg {...base}>
      <path d="M8 4.5C6.5 3.5 4 3.2 2 3.5v8.5c2-.3 4.5 0 6 1" />
      <path d="M8 4.5c1.5-1 4-1.3 6-1v8.5c-2-.3-4.5 0-6 1z" />
    </svg>
  );
}

/** A light bulb: a hint. */
export function HintIcon() {
  return (
    <svg {...base}>
      <path d="M6 12.5h4M6.5 14.5h3" />
      <path d="M5.5 10.5c-1.2-1-2-2.3-2-3.8a4.5 4.5 0 019 0c0 1.5-.8 2.8-2 3.8z" />
    </svg>
  );
}

/** Four corners pulled outwards: maximize the graph. */
export function MaximizeIcon() {
  return (
    <svg {...base}>
      <path d="M2.5 6V2.5H6M10 2.5h3.5V6M13.5 10v3.5H10M6 13.5H2.5V10" />
    </svg>
  );
}

/** A window with an arrow leaving it: open the graph in its own window. */
export function PopOutIcon() {
  return (
    <svg {...base}>
      <path d="M7 3H3v10h10V9" />
      <path d="M9.5 2.5h4v4M13.5 2.5L7.5 8.5" />
    </svg>
  );
}

/** An arrow to a bar: the Tab key. */
export function TabKeyIcon() {
  return (
    <svg {...base}>
      <path d="M2 8h9.5M8.5 5l3 3-3 3M13.5 4v8" />
    </svg>
  );
}

/** A stopwatch: the time limit. */
export function ClockIcon() {
  return (
    <svg {...base}>
      <circle cx="8" cy="9" r="5" />
      <path d="M8 9V6.5M6.5 2h3" />
    </svg>
  );
}
