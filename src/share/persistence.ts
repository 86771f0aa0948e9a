/**
 * Local persistence: the editor text and the preferences survive a reload. localStorage can be
 * missing or full (private windows, quotas): every access is guarded; saving the code says
 * whether it worked, so that a failure is shown (src/history/workspace.ts), never silent.
 */
const CODE_KEY = "tf-playground:code";
/** "1" when the saved code is the learner's own or ours (never a link's): see EditorState.trusted. */
const TRUSTED_KEY = "tf-playground:code-trusted";
/** "python" when the saved code is a Python program (absent or anything else: TypeScript). */
const LANGUAGE_KEY = "tf-playground:code-language";
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

/**
 * Saves the playground's code, and whether it is trusted (the learner's own or ours, never a
 * link's: see EditorState.trusted). Returns whether it was saved (false: storage full or disabled).
 */
export function saveCode(code: string, trusted = false, language: "typescript" | "python" = "typescript"): boolean {
  try {
    const s = storage();
    if (!s) return false;
    s.setItem(CODE_KEY, code);
    s.setItem(TRUSTED_KEY, trusted ? "1" : "0");
    s.setItem(LANGUAGE_KEY, language);
    return true;
  } catch {
    return false;
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
    // Preferences are not the learner's work: a failure to keep them is not worth a warning.
  }
}

/** Whether the saved code was saved as trusted (false when unknown). */
export function loadCodeTrusted(): boolean {
  try {
    return storage()?.getItem(TRUSTED_KEY) === "1";
  } catch {
    return false;
  }
}

/** The saved code's language (TypeScript when unknown: code saved before Python mode). */
export function loadCodeLanguage(): "typescript" | "python" {
  try {
    return storage()?.getItem(LANGUAGE_KEY) === "python" ? "python" : "typescript";
  } catch {
    return "typescript";
  }
}
