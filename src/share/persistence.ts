/**
 * Local persistence: the editor text and the preferences survive a reload. localStorage can be
 * missing or full (private windows, quotas): every access is guarded and failures are silent,
 * since the page works without it.
 */
const CODE_KEY = "tf-playground:code";
const PREFS_KEY = "tf-playground:prefs";

function storage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null;
  }
}

export function loadCode(): string | null {
  try {
    return storage()?.getItem(CODE_KEY) ?? null;
  } catch {
    return null;
  }
}

export function saveCode(code: string): void {
  try {
    storage()?.setItem(CODE_KEY, code);
  } catch {
    // Quota exceeded or storage disabled: nothing to do.
  }
}

export function loadPrefs<T extends object>(): Partial<T> {
  try {
    const raw = storage()?.getItem(PREFS_KEY);
    const v: unknown = raw ? JSON.parse(raw) : null;
    return typeof v === "object" && v !== null ? (v as Partial<T>) : {};
  } catch {
    return {};
  }
}

export function savePrefs(prefs: object): void {
  try {
    storage()?.setItem(PREFS_KEY, JSON.stringify(prefs));
  } catch {
    // As for the code.
  }
}
