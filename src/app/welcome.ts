/**
 * The first-visit welcome: shown once to someone who has never used the playground on this
 * browser and came without a link (a link already says what to look at), never again after it
 * was answered, dismissed, or a program was run.
 */
import { setWelcome, useStore } from "../store";

const KEY = "tf-playground:welcomed";

function storage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null;
  }
}

/** Whether to greet: never greeted, no saved program (someone who used it before), no link. */
export function shouldWelcome(opts: { linked: boolean; embed: boolean; hadCode: boolean }, store: Storage | null = storage()): boolean {
  if (opts.linked || opts.embed || opts.hadCode || store === null) return false;
  try {
    return store.getItem(KEY) === null;
  } catch {
    return false;
  }
}

/** Hides the welcome for good. */
export function dismissWelcome(store: Storage | null = storage()): void {
  try {
    store?.setItem(KEY, "1");
  } catch {
    // Not remembered: it may greet once more.
  }
  if (useStore.getState().layout.welcome) setWelcome(false);
}
