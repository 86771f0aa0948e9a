/**
 * The transpiler, one describe per rewrite (operators, assignments, keys, lines, errors). Over
 * 400 lines because it is a table of source-in / source-out cases; its factories are shared.
 */
import { describe, expect, it } from "vitest";
import { LINE_NAME, RUNTIME_NAME, transpile, UserSyntaxError } from "./transpile";
import { objectLiteral, toPropertyKey } from "../../engine";

// --- Factories ----------------------------------------------------------------------------

/** The transpiled code without its line marks, for checking one rewrite at a time. */
function rewritten(source: string): string {
  return transpile(source).code.replace(/__ln\.l=\d+;/g, "");
}

/** A stand-in for the runtime: plain JavaScript arithmetic, recording every helper called. */
function numericRuntime() {
  const calls: string[] = [];
  const operations: Record<string, (a: any, b: any) => unknown> = {
    add: (a, b) => a + b,
    sub: (a, b) => a - b,
    mul: (a, b) => a * b,
    truediv: (a, b) => a / b,
    mod: (a, b) => a % b,
    pow: (a, b) => a ** b,
    lt: (a, b) => a < b,
    le: (a, b) => a <= b,
    gt: (a, b) => a > b,
    ge: (a, b) => a >= b,
    and: (a, b) => a & b,
    or: (a, b) => a | b,
    xor: (a, b) => a ^ b,
  };
  const runtime: Record<string, (...args: any[]) => unknown> = {
    neg: (a) => (calls.push("neg"), -a),
    invert: (a) => (calls.push("invert"), ~a),
    float: (value: number) => (calls.push(`float(${value})`), value),
    key: (k: unknown) => (calls.push("key"), toPropertyKey(k)),
    object: (...kv: unknown[]) => (calls.push("object"), objectLiteral(...kv)),
    aug: (object: any, key: PropertyKey, name: string, value: unknown) => {
      calls.push(`aug ${name}`);
      return (object[key] = operations[name]!(object[key], value));
    },
  };
  for (const [name, operation] of Object.entries(operations)) {
    runtime[name] = (a, b) => (calls.push(name), operation(a, b));
  }
  return { runtime, calls };
}

/** Records each line the program reports through `__ln.l`. */
function lineRecorder() {
  const lines: number[] = [];
  return { lines, target: { set l(line: number) { lines.push(line); } } };
}

/** Transpiles and runs `source` as the runner does: as a function body with `__py` and `__ln`. */
function run(source: string, runtime = numericRuntime().runtime, lines = lineRecorder().target): unknown {
  const body = transpile(source).code;
  return new Function(RUNTIME_NAME, LINE_NAME, body)(runtime, lines);
}

/** The error `transpile` throws for `source`. */
function syntaxErrorOf(source: string): UserSyntaxError {
  try {
    transpile(source);
  } catch (error) {
    if (error instanceof UserSyntaxError) return error;
    throw error;
  }
  throw new Error(`expected a syntax error for ${JSON.stringify(source)}`);
}

const NO_MODULES = /^The playground has no modules: `tf` and `print` are globals/;

// --- Tests --------------------------------------------------------------------------------

describe("transpile", () => {
  describe("binary operators", () => {
    it.each([
      ["a + b", "__py.add(a, b)"],
      ["a - b", "__py.sub(a, b)"],
      ["a * b", "__py.mul(a, b)"],
      ["a / b", "__py.truediv(a, b)"],
      ["a % b", "__py.mod(a, b)"],
      ["a ** b", "__py.pow(a, b)"],
      ["a < b", "__py.lt(a, b)"],
      ["a <= b", "__py.le(a, b)"],
      ["a > b", "__py.gt(a, b)"],
      ["a >= b", "__py.ge(a, b)"],
      ["a & b", "__py.and(a, b)"],
      ["a | b", "__py.or(a, b)"],
      ["a ^ b", "__py.xor(a, b)"],
      ["a+b", "__py.add(a, b)"],
    ])("rewrites `%s` as `%s`", (source, expected) => {
      expect(rewritten(`${source};`)).toBe(`${expected};`);
    });

    it.each(["a == b", "a === b", "a != b", "a !== b", "a && b", "a || b", "a ?? b", "a << b", "a >> b", "a >>> b", "k in o", "o instanceof C", "a, b"])(
      "leaves `%s` alone",
      (source) => {
        expect(rewritten(`${source};`)).toBe(`${source};`);
      },
    );

    it("nests calls the way precedence and parentheses group the operands", () => {
      expect(rewritten("a + b * c;")).toBe("__py.add(a, __py.mul(b, c));");
      expect(rewritten("a * b + c;")).toBe("__py.add(__py.mul(a, b), c);");
      expect(rewritten("(a + b) * c;")).toBe("__py.mul((__py.add(a, b)), c);");
      expect(rewritten("a - b - c;")).toBe("__py.sub(__py.sub(a, b), c);");
      expect(rewritten("a ** b ** c;")).toBe("__py.pow(a, __py.pow(b, c));");
    });

    it("keeps comments and line breaks inside an expression, so later code stays on its line", () => {
      expect(rewritten("let t = a\n  + b;\nlet u = a /* why */ + b;")).toBe(
        "let t = __py.add(a\n  , b);\nlet u = __py.add(a /* why */ , b);",
      );
    });

    it("rewrites inside template literal substitutions and arrow expression bodies", () => {
      expect(rewritten("let s = `sum: ${a + b}`;")).toBe("let s = `sum: ${__py.add(a, b)}`;");
      expect(rewritten("const f = (x) => x * 2;")).toBe("const f = (x) => __py.mul(x, 2);");
    });

    it("computes like JavaScript when the runtime uses plain numbers", () => {
      const { runtime, calls } = numericRuntime();
      expect(run("return [7 + 2, 7 - 2, 7 * 2, 7 / 2, 7 % 2, 7 ** 2, 7 < 2, 7 <= 2, 7 > 2, 7 >= 2, 6 & 3, 6 | 3, 6 ^ 3];", runtime)).toEqual([
        9, 5, 14, 3.5, 1, 49, false, false, true, true, 2, 7, 5,
      ]);
      expect(calls).toEqual(["add", "sub", "mul", "truediv", "mod", "pow", "lt", "le", "gt", "ge", "and", "or", "xor"]);
    });
  });

  describe("unary operators", () => {
    it("rewrites negation and bitwise inversion", () => {
      expect(rewritten("let y = -x;")).toBe("let y = __py.neg(x);");
      expect(rewritten("let y = ~x;")).toBe("let y = __py.invert(x);");
      expect(rewritten("let y = -(a + b);")).toBe("let y = __py.neg((__py.add(a, b)));");
      expect(rewritten("let y = -a * b;")).toBe("let y = __py.mul(__py.neg(a), b);");
    });

    it.each(["+x", "!x", "typeof x", "void x", "delete o.p"])("leaves `%s` alone", (source) => {
      expect(rewritten(`${source};`)).toBe(`${source};`);
    });

    it("leaves a negative int or fraction literal as a plain number", () => {
      expect(rewritten("let a = -1, b = -0.5, c = x - -1, d = -0x10, e = -2n;")).toBe(
        "let a = -1, b = -0.5, c = __py.sub(x, -1), d = -0x10, e = -2n;",
      );
    });

    it("turns a signed whole float literal into one boxed float", () => {
      expect(rewritten("let a = -2.0, b = -1e3, c = +2.0, d = - 0.0;")).toBe(
        "let a = __py.float(-2), b = __py.float(-1000), c = __py.float(2), d = __py.float(-0);",
      );
    });
  });

  describe("compound assignment", () => {
    it.each([
      ["+=", "add"], ["-=", "sub"], ["*=", "mul"], ["/=", "truediv"], ["%=", "mod"],
      ["**=", "pow"], ["&=", "and"], ["|=", "or"], ["^=", "xor"],
    ])("rewrites `x %s y` as an assignment of `__py.%s`", (operator, name) => {
      expect(rewritten(`x ${operator} y;`)).toBe(`x = __py.${name}(x, y);`);
    });

    it("repeats a target that has no side effects", () => {
      expect(rewritten("o.p += y;")).toBe("o.p = __py.add(o.p, y);");
      expect(rewritten("a[i] -= y;")).toBe("a[i] = __py.sub(a[i], y);");
      expect(rewritten("this.w -= lr * g;")).toBe("this.w = __py.sub(this.w, __py.mul(lr, g));");
    });

    it("hands any other member target to `__py.aug` with its object and key", () => {
      expect(rewritten("o[k()] += y;")).toBe('__py.aug(o, k(), "add", y);');
      expect(rewritten("a[i][j] *= 2;")).toBe('__py.aug(a[i], j, "mul", 2);');
      expect(rewritten("a.b.c -= 1;")).toBe('__py.aug(a.b, "c", "sub", 1);');
      expect(rewritten("a[i + 1] /= x - 1;")).toBe('__py.aug(a, __py.add(i, 1), "truediv", __py.sub(x, 1));');
      expect(rewritten("(a.b.c) **= 2;")).toBe('__py.aug(a.b, "c", "pow", 2);');
    });

    it("leaves increments, logical assignments and shifts alone", () => {
      const source = "x++; --o[k()]; x &&= y; x ||= y; x ??= y; x <<= 1; x >>= 1; x >>>= 1;";
      expect(rewritten(source)).toBe(source);
    });

    it("evaluates the target's object and computed key exactly once", () => {
      const { runtime, calls } = numericRuntime();
      const result = run(
        `const seen = [];
         const store = { a: [1, 2], p: 10 };
         const obj = () => (seen.push("obj"), store);
         const key = () => (seen.push("key"), 1);
         obj().a[key()] += 5;
         obj()["p"] *= 3;
         obj().p -= 1;
         return { seen, store };`,
        runtime,
      );
      expect(result).toEqual({ seen: ["obj", "key", "obj", "obj"], store: { a: [1, 7], p: 29 } });
      expect(calls).toEqual(["aug add", "aug mul", "aug sub"]);
    });

    it("gives every compound operator the value JavaScript gives", () => {
      const result = run(`
        const o = { v: 7 }, r = [];
        for (const step of ["+", "-", "*", "/", "%", "**", "&", "|", "^"]) {
          let x = 6;
          o.v = 6;
          const a = [[6]];
          switch (step) {
            case "+": x += 3; o.v += 3; a[0][0] += 3; break;
            case "-": x -= 3; o.v -= 3; a[0][0] -= 3; break;
            case "*": x *= 3; o.v *= 3; a[0][0] *= 3; break;
            case "/": x /= 3; o.v /= 3; a[0][0] /= 3; break;
            case "%": x %= 4; o.v %= 4; a[0][0] %= 4; break;
            case "**": x **= 2; o.v **= 2; a[0][0] **= 2; break;
            case "&": x &= 3; o.v &= 3; a[0][0] &= 3; break;
            case "|": x |= 3; o.v |= 3; a[0][0] |= 3; break;
            case "^": x ^= 3; o.v ^= 3; a[0][0] ^= 3; break;
          }
          r.push([x, o.v, a[0][0]]);
        }
        return r;`);
      expect(result).toEqual([9, 3, 18, 2, 2, 36, 2, 7, 5].map((v) => [v, v, v]));
    });

    it("returns the assigned value, as JavaScript's compound assignment does", () => {
      expect(run("let x = 1; const o = { a: { b: 2 } }; return [(x += 2), (o.a.b *= 5), x, o.a.b];")).toEqual([3, 10, 3, 10]);
    });
  });

  describe("float literals", () => {
    it.each([
      ["2.0", "__py.float(2)"],
      ["0.", "__py.float(0)"],
      [".0", "__py.float(0)"],
      ["1e3", "__py.float(1000)"],
      ["1.5e2", "__py.float(150)"],
      ["1_000.0", "__py.float(1000)"],
    ])("boxes the whole float `%s` as `%s`", (literal, expected) => {
      expect(rewritten(`let x = ${literal};`)).toBe(`let x = ${expected};`);
    });

    it.each(["2", "0.5", "1e-3", "0x1E", "0o17", "0b11", "10n", "017"])("leaves `%s` as written", (literal) => {
      expect(rewritten(`x = ${literal};`)).toBe(`x = ${literal};`);
    });

    it("keeps literals that name a key, a case or an index, or are compared for equality", () => {
      const source = [
        "const o = {2.0: a, [3.0]: b};",
        "class C { 2.0() {} [4.0] = 1; }",
        "switch (x) { case 2.0: case -2.0: break; }",
        "let e = x === 2.0 || x !== -2.0;",
        "let f = (2.0).toFixed(1) + a[2.0];",
      ].join("\n");
      expect(rewritten(source)).toBe(
        [
          'const o = __py.object("2", a, __py.key(3.0), b);',
          "class C { 2.0() {} [4.0] = 1; }",
          "switch (x) { case 2.0: case -2.0: break; }",
          "let e = x === 2.0 || x !== -2.0;",
          "let f = __py.add((2.0).toFixed(1), a[2.0]);",
        ].join("\n"),
      );
    });

    it("boxes floats in values: properties, defaults, class fields and arguments", () => {
      expect(rewritten("const o = {a: 2.0}; function f(x = 1.0) {} class C { w = 3.0; } g(4.0);")).toBe(
        "const o = {a: __py.float(2)}; function f(x = __py.float(1)) {} class C { w = __py.float(3); } g(__py.float(4));",
      );
    });
  });

  describe("object literals with computed keys", () => {
    it("builds them with the runtime's object helper, keys converted in place", () => {
      expect(rewritten("const d = {[x]: 1, y: 2.0, z, 'w': 3, 4: 5, [a + b]: c};")).toBe(
        'const d = __py.object(__py.key(x), 1, "y", __py.float(2), "z", z, "w", 3, "4", 5, __py.key(__py.add(a, b)), c);',
      );
    });

    it("keeps line breaks, comments and trailing commas where they were", () => {
      const source = "const d = {\n  [x] /* k */ : 1, // one\n  y: 2,\n};";
      const out = rewritten(source);
      expect(out.split("\n")).toHaveLength(source.split("\n").length);
      expect(out).toContain("/* k */");
      expect(out).toContain("// one");
    });

    it("leaves literals without computed keys, or with spreads, methods, accessors or __proto__, as written", () => {
      for (const literal of ["{a: 1}", "{[k]: 1, ...o}", "{[k]: 1, m() {}}", "{[k]: 1, get g() { return 1; }}", "{[k]: 1, __proto__: p}", '{[k]: 1, "__proto__": p}']) {
        expect(rewritten(`const o = ${literal};`)).toBe(`const o = ${literal};`);
      }
    });

    it("makes the same objects as the literals: keys, order, duplicates, symbols, numbers and a computed __proto__", () => {
      const source = [
        "const s = Symbol('s');",
        "const t = { toString() { return 'T'; } };",
        "return [{[t]: 1, b: 2, [s]: 3, [1.5]: 4, 2: 5, [t]: 6}, {['__proto__']: 7}];",
      ].join("\n");
      const native = new Function(source)() as Record<PropertyKey, unknown>[];
      const ours = run(source) as Record<PropertyKey, unknown>[];
      // Each run makes its own symbol: keys are compared by their names, values in key order.
      const entries = (o: Record<PropertyKey, unknown>) => Reflect.ownKeys(o).map((k) => [String(k), o[k]]);
      for (let i = 0; i < native.length; i++) {
        expect(entries(ours[i])).toEqual(entries(native[i]));
        expect(Object.getPrototypeOf(ours[i])).toBe(Object.prototype);
      }
    });

    it("evaluates each key and converts it before evaluating its value, as the literal does", () => {
      const source = [
        "const log = [];",
        "const k = (name) => ({ toString() { log.push('convert ' + name); return name; } });",
        "const v = (x) => (log.push('value ' + x), x);",
        "const o = {[(log.push('key a'), k('a'))]: v(1), [(log.push('key b'), k('b'))]: v(2)};",
        "return log;",
      ].join("\n");
      expect(run(source)).toEqual(new Function(source)());
    });
  });

  describe("line instrumentation", () => {
    it("marks each statement with its line, on that line", () => {
      expect(transpile("let a = 1;\nlet b = 2; let c = 3;\n\nprint(a);").code).toBe(
        "__ln.l=1;let a = 1;\n__ln.l=2;let b = 2; __ln.l=2;let c = 3;\n\n__ln.l=4;print(a);",
      );
    });

    it("counts lines the way the editor does when lines end in CRLF", () => {
      expect(transpile("let a = 1;\r\nlet b = 2;\r\n").code).toBe("__ln.l=1;let a = 1;\r\n__ln.l=2;let b = 2;\r\n");
    });

    it("wraps bodies that are not blocks in braces, so a mark runs only with its statement", () => {
      expect(transpile("if (c) x = 1;\nelse if (d) x = 2;\nelse x = 3;").code).toBe(
        "__ln.l=1;if (c) {__ln.l=1;x = 1;}\nelse {__ln.l=2;if (d) {__ln.l=2;x = 2;}\nelse {__ln.l=3;x = 3;}}",
      );
      const tick = "if(--__ln.c<0)__ln.t();";
      expect(transpile("for (;;) break;\nwhile (a) a--\ndo a++; while (a < 3)").code).toBe(
        `__ln.l=1;for (;;) {${tick}__ln.l=1;break;}\n__ln.l=2;while (a) {${tick}__ln.l=2;a--}\n__ln.l=3;do {${tick}__ln.l=3;a++;} while (__py.lt(a, 3))`,
      );
    });

    it("counts down the loop tick at the start of every loop body, empty ones included", () => {
      const tick = "if(--__ln.c<0)__ln.t();";
      expect(transpile("while (true) {}").code).toBe(`__ln.l=1;while (true) {${tick}}`);
      expect(transpile("for (;;);").code).toBe(`__ln.l=1;for (;;){${tick}}`);
      expect(transpile("for (const k of ks) {\n  f(k);\n}").code).toBe(`__ln.l=1;for (const k of ks) {${tick}\n  __ln.l=2;f(k);\n}`);
      expect(transpile("for (const k in o) g(k)").code).toBe(`__ln.l=1;for (const k in o) {${tick}__ln.l=1;g(k)}`);
    });

    it("marks switch cases, function bodies and static blocks but not inside expressions", () => {
      expect(transpile("switch (x) {\n  case 1: f();\n  default: g();\n}").code).toBe(
        "__ln.l=1;switch (x) {\n  case 1: __ln.l=2;f();\n  default: __ln.l=3;g();\n}",
      );
      expect(transpile("function f() {\n  return 1;\n}\nconst g = () => 2;\nclass K { static { s = 1; } }").code).toBe(
        "function f() {\n  __ln.l=2;return 1;\n}\n__ln.l=4;const g = () => 2;\n__ln.l=5;class K { static { __ln.l=5;s = 1; } }",
      );
    });

    it("still runs `if (x) y = 2.0;` whichever way the test goes", () => {
      const { runtime, calls } = numericRuntime();
      expect(run("let y = 1; if (x) y = 2.0; return y;".replace("x", "true"), runtime)).toBe(2);
      expect(run("let y = 1; if (x) y = 2.0; return y;".replace("x", "false"), runtime)).toBe(1);
      expect(calls).toEqual(["float(2)"]);
    });

    it("keeps `use strict` a directive", () => {
      const code = transpile('"use strict";\nreturn (function () { return this; })();').code;
      expect(code.startsWith('"use strict";')).toBe(true);
      expect(run('"use strict";\nreturn (function () { return this; })();')).toBeUndefined();
      expect(run('function f() { "use strict"; return this; }\nreturn f();')).toBeUndefined();
    });

    it("keeps labels usable by `continue` and `break`", () => {
      const result = run(`
        const pairs = [];
        outer: for (let i = 0; i < 3; i++)
          for (let j = 0; j < 3; j++) {
            if (j > i) continue outer;
            if (i === 2) break outer;
            pairs.push([i, j]);
          }
        block: { if (pairs.length) break block; pairs.push("unreached"); }
        return pairs;`);
      expect(result).toEqual([[0, 0], [1, 0], [1, 1]]);
    });

    it("keeps function declarations hoisted and `let` in its temporal dead zone", () => {
      expect(run("return twice(2);\nfunction twice(x) { return x * 2; }")).toBe(4);
      expect(() => run("x = 1;\nlet x;")).toThrow(ReferenceError);
      expect(() => run("const c = 1;\nc += 1;")).toThrow(TypeError);
    });

    it("records the learner's lines as a program with functions, loops and a switch runs", () => {
      const source = [
        /* 1 */ "function square(x: number): number {",
        /* 2 */ "  const y = x * x;",
        /* 3 */ "  return y;",
        /* 4 */ "}",
        /* 5 */ "let total = 0;",
        /* 6 */ "for (let i = 0; i < 2; i++) {",
        /* 7 */ "  switch (i) {",
        /* 8 */ "    case 0:",
        /* 9 */ "      total += square(3);",
        /* 10 */ "      break;",
        /* 11 */ "    default:",
        /* 12 */ "      total -= 1;",
        /* 13 */ "  }",
        /* 14 */ "}",
        /* 15 */ "while (total > 7) total--;",
        /* 16 */ "return total;",
      ].join("\n");
      const { lines, target } = lineRecorder();
      expect(run(source, undefined, target)).toBe(7);
      expect(lines).toEqual([5, 6, 7, 9, 2, 3, 10, 7, 12, 15, 15, 16]);
    });
  });

  describe("TypeScript programs", () => {
    it("runs a program using much of TypeScript and modern JavaScript", async () => {
      const source = `
        interface Point { x: number; y: number }
        type Pair<T> = [T, T];
        enum Color { Red, Green = 5, Blue }
        abstract class Shape { abstract area(): number; }
        class Square extends Shape {
          static count: number = 0;
          side: number;
          #secret = 2.0;
          constructor(side: number, public readonly name?: string) { super(); this.side = side; Square.count += 1; }
          area(): number { return this.side ** 2 * this.#secret / 2; }
        }
        function first<T>(items: T[]): T | undefined { return items[0]; }
        const pts: Point[] = [{ x: 1, y: 2 }, { x: 3, y: 4 }];
        const { x, y }: Point = first(pts)!;
        const [p, q]: Pair<number> = [x + 1, y * 2] as Pair<number>;
        const maybe: { deep?: { value: number } } = {};
        const sq = new Square(3, "sq") as Square;
        const all = [...pts.map((pt) => pt.x + pt.y), p, q];
        const label = \`\${sq.name}: \${sq.area() + 0.5}\`;
        const digits = "a1b22".match(/\\d+/g)!.length;
        async function later(v: number): Promise<number> { return (await Promise.resolve(v)) - 1; }
        return later(Color.Blue).then((value: number) => ({
          all, label, digits, value, deep: maybe.deep?.value ?? -1, count: Square.count, green: Color[5],
        }));`;
      await expect(run(source)).resolves.toEqual({
        all: [3, 7, 2, 4],
        label: "sq: 9.5",
        digits: 2,
        value: 5,
        deep: -1,
        count: 1,
        green: "Green",
      });
    });
  });

  describe("syntax errors", () => {
    it("reports sucrase's errors at the learner's line and column", () => {
      const error = syntaxErrorOf("let x = 1;\nlet y = (2 +;");
      expect(error).toBeInstanceOf(UserSyntaxError);
      expect(error.name).toBe("SyntaxError");
      expect([error.line, error.column]).toEqual([2, 13]);
      expect(error.message).toBe("Unexpected token (2:13)");
    });

    it("reports what sucrase expected", () => {
      const error = syntaxErrorOf("let a = 1\nlet b: number[] = [1 2];");
      expect(error.message).toBe('Unexpected token, expected "," (2:22)');
    });

    it("maps acorn's errors back past the types sucrase removed", () => {
      const error = syntaxErrorOf("let ok = 1;\nlet a: number = 1, a: string = '';");
      expect(error.message).toBe("Identifier 'a' has already been declared (2:20)");
      expect([error.line, error.column]).toEqual([2, 20]);
    });

    it("maps acorn's errors correctly after a template literal", () => {
      const error = syntaxErrorOf("const s = `${1 + 2}`;\nconst t: Map<string, number> = new Map(); const t = 1;");
      expect([error.line, error.column]).toEqual([2, 49]);
    });

    it("reports the line of a statement acorn rejects", () => {
      const error = syntaxErrorOf("let n: number = 1;\n\nbreak;");
      expect(error.message).toBe("Unsyntactic break (3:1)");
    });
  });

  describe("modules and other unsupported syntax", () => {
    it.each([
      ['import { a } from "b";', 1, 1],
      ['import type { A } from "b";', 1, 1],
      ['import x = require("y");', 1, 1],
      ["let x = 1;\n  export const y = 2;", 2, 3],
      ["export interface A { a: number }", 1, 1],
      ["export type T = number;", 1, 1],
      ["export = x;", 1, 1],
      ["export default 1;", 1, 1],
      ['const m = import("x");', 1, 11],
      ["const u = import.meta.url;", 1, 11],
    ])("rejects `%s` as module syntax at %i:%i", (source, line, column) => {
      const error = syntaxErrorOf(source);
      expect(error.message).toMatch(NO_MODULES);
      expect([error.line, error.column]).toEqual([line, column]);
    });

    it("accepts `import` and `export` as property names and in strings and comments", () => {
      expect(() =>
        transpile("// import tf\nx.import = 1;\nconst o = { import: 1, export() {} };\nclass K { import = 1; export?: number }\nlet s = 'export default';"),
      ).not.toThrow();
    });

    it("rejects namespaces, whose code sucrase would silently drop", () => {
      const error = syntaxErrorOf("let a = 1;\nnamespace N { const b = 2; }");
      expect(error.message).toMatch(/^Namespaces are not supported/);
      expect([error.line, error.column]).toEqual([2, 1]);
      expect(() => transpile("declare namespace D { const a: number }\nmodule.exports;")).not.toThrow();
    });

    it("rejects the names the runtime reserves", () => {
      const error = syntaxErrorOf("let ok = 1;\nlet __py = 2;");
      expect(error.message).toBe("`__py` is reserved by the playground: please choose another name (2:5)");
      expect(syntaxErrorOf("function f(__ln) {}").column).toBe(12);
      expect(() => transpile("o.__py = 1;")).not.toThrow();
    });
  });

  describe("size", () => {
    it("transpiles a 200-line program", () => {
      const chunk = [
        "{",
        "  interface Layer { w: any; b: any }",
        "  function dense(x: any, layer: Layer): any {",
        "    const y = tf.matmul(x, layer.w) + layer.b;",
        "    return y * 2.0 - 1;",
        "  }",
        "  for (let i = 0; i < 3; i++) {",
        "    if (i % 2 === 0) print(`step ${i + 1}`);",
        "    total -= loss / 10;",
        "  }",
        "}",
      ];
      const source = Array.from({ length: 19 }, () => chunk.join("\n")).join("\n");
      expect(source.split("\n").length).toBeGreaterThanOrEqual(200);
      const code = transpile(source).code;
      expect(code.split("\n").length).toBe(source.split("\n").length);
      expect(code).toContain("__py.sub(__py.mul(y, __py.float(2)), 1)");
    });
  });
});
