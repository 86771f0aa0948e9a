/**
 * Makes workers that run learner code under SANDBOX_CSP (see policy.ts): a hidden `srcdoc`
 * frame carries that policy, and workers are created from a `blob:` URL with the frame's
 * `Worker` constructor, so they inherit the frame's policy instead of the page's.
 *
 * A blob worker cannot import anything under that policy, so its blob holds the whole worker
 * bundle (Vite builds each worker as one file): the page fetches the built file's text once
 * and reuses one blob URL for every worker of that kind.
 *
 * The dev server has no single-file worker bundles; there the worker is loaded from its URL
 * and gets the dev server's CSP header (weaker: it allows 'self'). Production always sandboxes.
 */
import { SANDBOX_CSP } from "./policy";

/** What the page needs of a Worker (a fake in tests). */
export interface WorkerLike<In = unknown> {
  postMessage(message: In, transfer?: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

let frameWindow: Promise<Window> | null = null;

/** The sandbox frame's window (created once, on first use). */
function sandboxWindow(): Promise<Window> {
  frameWindow ??= new Promise<Window>((resolve, reject) => {
    const frame = document.createElement("iframe");
    frame.hidden = true;
    frame.tabIndex = -1;
    frame.title = "Program sandbox";
    frame.setAttribute("aria-hidden", "true");
    frame.dataset.testid = "program-sandbox";
    frame.srcdoc = `<!doctype html><meta http-equiv="Content-Security-Policy" content="${SANDBOX_CSP}"><title>sandbox</title>`;
    frame.addEventListener("load", () => (frame.contentWindow ? resolve(frame.contentWindow) : reject(new Error("the sandbox frame has no window"))), { once: true });
    document.body.append(frame);
  });
  return frameWindow;
}

const blobUrls = new Map<string, Promise<string>>();

/** A blob: URL holding the text of the built worker at `url` (fetched once). */
function workerBlobUrl(url: string): Promise<string> {
  let blob = blobUrls.get(url);
  if (!blob) {
    blob = fetch(url)
      .then((r) => {
        if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
        return r.text();
      })
      .then((text) => URL.createObjectURL(new Blob([text], { type: "text/javascript" })));
    // A failed fetch (offline reload, a server hiccup) is retried by the next worker.
    blob.catch(() => blobUrls.delete(url));
    blobUrls.set(url, blob);
  }
  return blob;
}

/** Starts fetching the worker's code and creating the frame, so the first worker is quick. */
export function prepareSandbox(url: string): void {
  if (import.meta.env.DEV) return;
  void sandboxWindow().catch(() => undefined);
  void workerBlobUrl(url).catch(() => undefined);
}

/**
 * A module worker running the built worker at `url` inside the sandbox. Returned at once:
 * messages posted before the worker exists are queued, and a failure to create it is
 * reported through `onerror`.
 */
export function sandboxedWorker<In>(url: string, name: string): WorkerLike<In> {
  if (import.meta.env.DEV) return new Worker(url, { type: "module", name }) as unknown as WorkerLike<In>;
  return new DeferredWorker<In>(async () => {
    const [win, blobUrl] = await Promise.all([sandboxWindow(), workerBlobUrl(url)]);
    const SandboxWorker = (win as unknown as { Worker: typeof Worker }).Worker;
    return new SandboxWorker(blobUrl, { type: "module", name }) as unknown as WorkerLike<In>;
  });
}

/** A WorkerLike whose real worker is created asynchronously. */
export class DeferredWorker<In> implements WorkerLike<In> {
  private worker: WorkerLike<In> | null = null;
  private queue: { message: In; transfer: Transferable[] }[] = [];
  private terminated = false;
  private onMessage: ((event: MessageEvent) => void) | null = null;
  private onError: ((event: ErrorEvent) => void) | null = null;

  constructor(create: () => Promise<WorkerLike<In>>) {
    create().then(
      (w) => {
        if (this.terminated) {
          w.terminate();
          return;
        }
        this.worker = w;
        w.onmessage = (event) => this.deliver(event);
        w.onerror = (event) => this.onError?.(event);
        for (const m of this.queue) w.postMessage(m.message, m.transfer);
        this.queue = [];
      },
      (error: unknown) => {
        if (this.terminated) return;
        const message = `the program sandbox could not start: ${error instanceof Error ? error.message : String(error)}`;
        this.onError?.({ message } as ErrorEvent);
      },
    );
  }

  /**
   * The frame's worker delivers messages as objects of the frame's realm (its Object.prototype,
   * its Array): they are cloned into the page's realm first, so the page's checks and code
   * see ordinary objects.
   */
  private deliver(event: MessageEvent): void {
    if (this.onMessage === null) return;
    let data: unknown;
    try {
      data = structuredClone(event.data);
    } catch {
      data = undefined;
    }
    this.onMessage(new MessageEvent("message", { data }));
  }

  get onmessage() {
    return this.onMessage;
  }
  set onmessage(f) {
    this.onMessage = f;
  }
  get onerror() {
    return this.onError;
  }
  set onerror(f) {
    this.onError = f;
  }

  postMessage(message: In, transfer: Transferable[] = []): void {
    if (this.terminated) return;
    if (this.worker) this.worker.postMessage(message, transfer);
    else this.queue.push({ message, transfer });
  }

  terminate(): void {
    this.terminated = true;
    this.queue = [];
    this.worker?.terminate();
  }
}
