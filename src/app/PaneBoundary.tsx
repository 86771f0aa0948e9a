/**
 * An error boundary around one pane: a render error in the graph, a panel or the lessons shows
 * a small "this pane failed — reload it" box in that pane only, never a white page, and the
 * editor (in its own boundary) keeps its text and undo history.
 *
 * `failPane(name)` makes a pane throw on its next render: end-to-end tests use it (through the
 * test hook) to check the boundaries, since a real render error has no reliable trigger.
 */
import { Component, Fragment, useSyncExternalStore, type ErrorInfo, type ReactNode } from "react";

interface Props {
  /** What the pane is called in the failure box ("graph", "console", ...). */
  name: string;
  children: ReactNode;
}

interface State {
  error: Error | null;
  /** Bumped by "Reload", so the pane's components mount afresh. */
  generation: number;
}

export class PaneBoundary extends Component<Props, State> {
  override state: State = { error: null, generation: 0 };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    faults.delete(this.props.name);
    console.error(`The ${this.props.name} pane failed:`, error, info.componentStack);
  }

  private reload = () => this.setState((s) => ({ error: null, generation: s.generation + 1 }));

  override render() {
    const { name, children } = this.props;
    const { error, generation } = this.state;
    if (error) {
      return (
        <div className="pane-failed" role="alert" data-testid={`pane-failed-${name}`}>
          <p>
            This {name} pane failed: <span className="pane-failed-message">{error.message.slice(0, 300)}</span>
          </p>
          <button type="button" onClick={this.reload}>
            Reload the {name} pane
          </button>
        </div>
      );
    }
    return (
      <Fragment key={generation}>
        <FaultProbe name={name} />
        {children}
      </Fragment>
    );
  }
}

/* ---------- fault injection for tests ---------- */

const faults = new Set<string>();
const listeners = new Set<() => void>();
let version = 0;

/** Makes the pane called `name` throw on its next renders until its boundary caught it (tests only). */
export function failPane(name: string): void {
  faults.add(name);
  version++;
  for (const l of listeners) l();
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

function FaultProbe({ name }: { name: string }) {
  useSyncExternalStore(subscribe, () => version);
  // Kept until the boundary caught it: React renders a failed tree a second time before it
  // gives up on it, and a one-shot fault would pass that second time.
  if (faults.has(name)) throw new Error(`a test made the ${name} pane fail`);
  return null;
}
