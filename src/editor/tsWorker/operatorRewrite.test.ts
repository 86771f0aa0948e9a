import { describe, expect, it } from "vitest";
import { typescript } from "monaco-editor/languages/features/typescript/lib/typescriptServices.js";
import { libFileMap } from "monaco-editor/languages/features/typescript/lib/lib.js";
import { AUGMENT_DTS, GLOBALS_DTS } from "../globalsDts";
import { EDITOR_COMPILER_OPTIONS } from "../compilerOptions";
import { navigationTreeToOriginal, rewriteOperators, type TsLike } from "./operatorRewrite";
import { generateEngineTypes } from "../build/tfTypesPlugin";

let cached: Record<string, string> | null = null;
/** The real engine declarations, as the editor gets them (generated once per test file). */
function engineTypes(): Record<string, string> {
  cached ??= generateEngineTypes(process.cwd());
  return cached;
}

const ts = typescript as TsLike & Record<string, any>;

/** A language service over the learner's file (rewritten), the globals and a tiny engine. */
function check(source: string): { codes: number[]; messages: string[]; quickInfo(at: string): string } {
  const r = rewriteOperators(ts, source);
  const files: Record<string, string> = { "/main.ts": r.text, "/node_modules/tf-engine/globals.d.ts": GLOBALS_DTS, "/node_modules/tf-engine/augment.d.ts": AUGMENT_DTS };
  for (const [path, text] of Object.entries(engineTypes())) files[path.replace("file://", "")] = text;
  const libs: Record<string, string> = {};
  for (const [name, text] of Object.entries(libFileMap as Record<string, string>)) libs["/" + name] = text;
  const read = (f: string) => files[f] ?? libs[f];
  const host = {
    getCompilationSettings: () => EDITOR_COMPILER_OPTIONS,
    getScriptFileNames: () => Object.keys(files),
    getScriptVersion: () => "1",
    getScriptSnapshot: (f: string) => (read(f) !== undefined ? ts.ScriptSnapshot.fromString(read(f)) : undefined),
    getCurrentDirectory: () => "/",
    getDefaultLibFileName: () => "/lib.es2022.d.ts",
    fileExists: (f: string) => read(f) !== undefined,
    readFile: read,
  };
  const ls = ts.createLanguageService(host);
  const diags = [...ls.getSyntacticDiagnostics("/main.ts"), ...ls.getSemanticDiagnostics("/main.ts")];
  const relevant = diags.filter((d: any) => d.file?.fileName === "/main.ts");
  return {
    codes: relevant.map((d: any) => d.code),
    messages: relevant.map((d: any) => ts.flattenDiagnosticMessageText(d.messageText, "\n")),
    quickInfo(at: string) {
      const q = ls.getQuickInfoAtPosition("/main.ts", r.map.toRewritten(source.indexOf(at)));
      return q ? ts.displayPartsToString(q.displayParts) + " " + ts.displayPartsToString(q.documentation) : "";
    },
  };
}

describe("rewriteOperators", () => {
  it("turns operators into helper calls, nesting by precedence", () => {
    const { text } = rewriteOperators(ts, "const m = a * b + c;");
    expect(text).toBe("const m = __add(__mul(a , b) , c);");
  });

  it("rewrites unary minus on expressions but keeps negative literals", () => {
    expect(rewriteOperators(ts, "x = -a; y = -2;").text).toBe("x = __neg(a); y = -2;");
  });

  it("leaves equality, logical operators and enums alone", () => {
    const src = "if (a === b && c || d) {}\nenum E { A = 1 + 2 }";
    expect(rewriteOperators(ts, src).text).toBe(src);
  });

  it("maps positions both ways around the inserted text", () => {
    const src = "const m = a * 2;\nm.name;";
    const { text, map } = rewriteOperators(ts, src);
    const a = src.indexOf("a *");
    expect(text.slice(map.toRewritten(a), map.toRewritten(a) + 1)).toBe("a");
    const name = src.indexOf("name");
    expect(text.slice(map.toRewritten(name), map.toRewritten(name) + 4)).toBe("name");
    expect(map.toOriginal(map.toRewritten(name))).toBe(name);
    const call = text.indexOf("__mul");
    expect(map.toOriginal(call)).toBe(a);
    expect(map.spanToOriginal(call, "__mul(a , 2)".length)).toEqual({ start: a, length: "a * 2".length });
  });
});

describe("navigationTreeToOriginal", () => {
  it("puts the outline's spans (sticky scroll's ranges) back in the learner's text", () => {
    const src = "function f(x) {\n  const y = x * 2 + 1;\n  return y;\n}\nconst z = f(3) * 4;\n";
    const r = rewriteOperators(ts, src);
    expect(r.map.identity).toBe(false);
    const ls = ts.createLanguageService({
      getCompilationSettings: () => ({}),
      getScriptFileNames: () => ["/main.ts"],
      getScriptVersion: () => "1",
      getScriptSnapshot: (f: string) => (f === "/main.ts" ? ts.ScriptSnapshot.fromString(r.text) : undefined),
      getCurrentDirectory: () => "/",
      getDefaultLibFileName: () => "/lib.d.ts",
      fileExists: (f: string) => f === "/main.ts",
      readFile: (f: string) => (f === "/main.ts" ? r.text : undefined),
    });
    const tree = navigationTreeToOriginal(ls.getNavigationTree("/main.ts"), r.map);
    const items = tree.childItems as (typeof tree & { text: string })[];
    const f = items.find((i) => i.text === "f")!;
    expect(src.slice(f.spans[0].start, f.spans[0].start + f.spans[0].length)).toBe("function f(x) {\n  const y = x * 2 + 1;\n  return y;\n}");
    expect(src.slice(f.nameSpan!.start, f.nameSpan!.start + f.nameSpan!.length)).toBe("f");
    const z = items.find((i) => i.text === "z")!;
    expect(src.slice(z.spans[0].start, z.spans[0].start + z.spans[0].length)).toBe("z = f(3) * 4");
  });
});

// Generating the engine's declarations (tsc) and a language service takes seconds on a busy machine.
describe("type checking the rewritten file", () => {
  it("types arithmetic on tensors as Tensor, so .name is not an error", () => {
    const r = check('const a = tf.constant(1.0);\nconst b = tf.constant(2.0);\nconst sum_node = a + b;\nconst m = a * 2;\nconst n = 2 - -a;\nlet s: string = sum_node.name + m.name + n.name;\n');
    expect(r.codes).toEqual([]);
    // And the type really is Tensor (not any): it is not a number.
    expect(check("const a = tf.constant(1.0);\nconst k: number = a * 2;\n").codes).toEqual([2322]);
  });

  it("still types number arithmetic as number and string concatenation as string", () => {
    const r = check("const x: number = 2 * 3 + 1;\nconst y: string = 'a' + 1;\nconst z: string = 2 * 3;\n");
    expect(r.codes).toEqual([2322]);
  });

  it("shows the engine's JSDoc on hover", () => {
    const r = check('const x = tf.placeholder(tf.float32, {shape: [null, 3], name: "x"});\n');
    expect(r.quickInfo("placeholder")).toContain("A node whose value must be fed");
  });

  it("accepts the dialect's feeds, sessions and scopes without spurious errors", () => {
    const r = check([
      "const x = tf.placeholder(tf.float32, {name: 'x'});",
      "const y = x * 2.0 + 1;",
      "const sess = tf.Session();",
      "const v = sess.run(y, {feed_dict: {[x]: 3}});",
      "print(v, y.name, (x - y).name);",
      "const [a, b] = sess.run([y, x], {[x]: 1});",
      "print(a + 1, b.toFixed(2));",
      "const data = np.zeros([3]) * 0.1 + 0.3;",
      "print(data.shape);",
    ].join("\n"));
    expect(r.codes.filter((c) => c !== 2464)).toEqual([]);
  });

  it("accepts tf.cond, tf.case and tf.while_loop with untyped arrow functions, as their docstrings write them", () => {
    const r = check([
      "const x = tf.constant(2);",
      "const y = tf.constant(5);",
      "const r = tf.cond(tf.less(x, y), () => tf.multiply(x, 17), () => tf.add(y, 23));",
      "const c = tf.case([[tf.less(x, y), () => tf.constant(17)]], {default: () => tf.constant(23)});",
      "const w = tf.while_loop((i) => tf.less(i, 10), (i) => tf.add(i, 1), [tf.constant(0)]);",
      "const [i, total] = tf.while_loop((i, t) => i < 5, (i, t) => [i + 1, t + i], [tf.constant(0), tf.constant(0)], {maximum_iterations: 3});",
      "const sess = tf.Session();",
      "print(sess.run([r, c, w, total]));",
    ].join("\n"));
    expect(r.messages).toEqual([]);
  });
});
