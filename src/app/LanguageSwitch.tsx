/** The program's language: TypeScript (the dialect) or Python (TF 1.x Python, run in Pyodide). */
import { useStore } from "../store";
import { chooseLanguage } from "./actions";

export function LanguageSwitch() {
  const language = useStore((s) => s.editor.language);
  return (
    <label className="language-switch" title="The language of the program">
      <span className="sr-only">Language</span>
      <select value={language} onChange={(e) => chooseLanguage(e.target.value === "python" ? "python" : "typescript")} data-testid="language">
        <option value="typescript">TypeScript</option>
        <option value="python">Python</option>
      </select>
    </label>
  );
}
