/**
 * Freezes the built-ins the lesson checker's own code relies on after the learner's program
 * has run in the same realm (promises, arrays, maps and sets, strings, JSON, iterators,
 * functions), so a program cannot make its checks pass by patching them.
 *
 * Not frozen, on purpose: `Object.prototype` and the typed arrays' prototypes. Freezing either
 * makes V8 drop fast paths the engine lives on (measured: a 2,000-step training loop ran 5×
 * slower), which is also why the program worker, whose realm is thrown away after one run,
 * freezes nothing. docs/security.md says what this leaves open.
 */

const ROOTS: readonly unknown[] = [
  Array,
  Promise,
  Map,
  Set,
  WeakMap,
  WeakSet,
  String,
  Number,
  Boolean,
  Symbol,
  RegExp,
  Error,
  TypeError,
  RangeError,
  JSON,
  Math,
  Reflect,
];

/** Prototypes reachable only through instances. */
function hiddenPrototypes(): object[] {
  const iteratorProto = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())) as object;
  return [
    Function.prototype,
    iteratorProto,
    Object.getPrototypeOf([][Symbol.iterator]()) as object,
    Object.getPrototypeOf(new Map()[Symbol.iterator]()) as object,
    Object.getPrototypeOf(new Set()[Symbol.iterator]()) as object,
    Object.getPrototypeOf(""[Symbol.iterator]()) as object,
    Object.getPrototypeOf(async function () {}) as object,
    Object.getPrototypeOf(function* () {}) as object,
    Object.getPrototypeOf(async function* () {}) as object,
  ];
}

function freezeWithPrototype(x: unknown): void {
  if ((typeof x !== "function" && typeof x !== "object") || x === null) return;
  Object.freeze(x);
  const proto = (x as { prototype?: unknown }).prototype;
  if (typeof proto === "object" && proto !== null) Object.freeze(proto);
}

/** Freezes the built-ins listed above (idempotent). */
export function hardenForChecks(): void {
  for (const root of ROOTS) freezeWithPrototype(root);
  for (const proto of hiddenPrototypes()) Object.freeze(proto);
  // Object's own functions (Object.keys, Object.entries, ...), not Object.prototype.
  Object.freeze(Object);
}
