/**
 * Options for @tanstack/react-virtual that never make the browser lay the page out in the
 * middle of a script. Its defaults read the scroll element's size as the list mounts and each
 * row's height as the row mounts (`clientHeight`, `getBoundingClientRect`): with fresh rows in
 * the DOM, each read is a full synchronous layout, and the first batch of a run mounted two
 * lists at once (a 90 ms task in `npm run bench:ui`). Here sizes come from ResizeObserver,
 * which reports them after the browser's own layout; until then the estimates stand. The
 * mount's scroll write waits for the next frame, and scrolling re-renders rows in React's
 * next render, not synchronously in the scroll event.
 */
import { elementScroll, type Rect, type Virtualizer, type VirtualizerOptions } from "@tanstack/react-virtual";

/**
 * Before the first ResizeObserver report (a frame later): about a panel's height. Each row
 * mounted costs layout in the frame that shows the first batch of a run.
 */
const INITIAL_RECT: Rect = { width: 0, height: 360 };

/** The scroll element's size, from ResizeObserver only (tanstack's default reads it at once). */
function observeRectLazily(instance: Virtualizer<HTMLDivElement, Element>, cb: (rect: Rect) => void): (() => void) | undefined {
  const el = instance.scrollElement;
  if (el === null) return undefined;
  // Inside the callback the layout is fresh, so reading the client box costs nothing.
  const ro = new ResizeObserver(() => cb({ width: el.clientWidth, height: el.clientHeight }));
  ro.observe(el, { box: "content-box" });
  return () => ro.disconnect();
}

/** A row's height from its ResizeObserver entry; when it mounts, what is known so far. */
function measureLazily(el: Element, entry: ResizeObserverEntry | undefined, instance: Virtualizer<HTMLDivElement, Element>): number {
  const box = entry?.borderBoxSize?.[0];
  if (box !== undefined) return Math.round(box.blockSize);
  const index = instance.indexFromElement(el);
  return instance.itemSizeCache.get(instance.options.getItemKey(index)) ?? instance.options.estimateSize(index);
}

/** Virtualizers that have made their first scroll write. */
const wrote = new WeakSet<object>();

/**
 * Scroll writes as tanstack makes them, except the first: a list mounting (the console's
 * first long output, in the middle of a run) writes its offset at once, which lays out all
 * the rows just added inside the same task; deferred to the next frame, that layout is the
 * frame's own.
 */
const scrollLazily: VirtualizerOptions<HTMLDivElement, Element>["scrollToFn"] = (offset, options, instance) => {
  if (wrote.has(instance)) return elementScroll(offset, options, instance);
  wrote.add(instance);
  requestAnimationFrame(() => {
    if (instance.scrollElement !== null) elementScroll(offset, options, instance);
  });
};

/**
 * The options to spread into `useVirtualizer` for a list in `scroller` with rows about
 * `rowHeight` pixels tall (rows that wrap are measured when ResizeObserver reports them).
 * @example
 * const v = useVirtualizer({ count, ...lazyLayout(() => ref.current, 21), overscan: 20 });
 */
export function lazyLayout(getScrollElement: () => HTMLDivElement | null, rowHeight: number) {
  return {
    getScrollElement,
    estimateSize: () => rowHeight,
    initialRect: INITIAL_RECT,
    observeElementRect: observeRectLazily,
    measureElement: measureLazily,
    scrollToFn: scrollLazily,
    // A scroll re-renders the rows with the next frame, not synchronously inside the scroll
    // event (a 30 ms task when the console followed a run's output).
    useFlushSync: false,
  };
}
