/**
 * The serialized `tf.Summary` a summary op outputs. TF serializes the protocol buffer in its
 * binary wire format; the playground's string tensors hold text, so a summary is the same
 * message in protobuf's text format (`value { tag: "loss" simple_value: 0.5 }`), which
 * `FileWriter.add_summary` parses back. Histograms are TF's `HistogramProto`, built with TF's
 * default bucket limits (histogram.cc).
 */

/** One value of a summary. */
export type SummaryValue =
  | { tag: string; simple_value: number }
  | { tag: string; histo: HistogramProto };

/** TF's HistogramProto: the values' count, range and sums, and non-empty buckets. */
export interface HistogramProto {
  min: number;
  max: number;
  num: number;
  sum: number;
  sum_squares: number;
  /** Each bucket's right edge (a bucket holds values in (previous limit, limit]). */
  bucket_limit: number[];
  bucket: number[];
}

const DBL_MAX = Number.MAX_VALUE;

/** TF's default bucket limits: ±1e-12 · 1.1^k up to 1e20, and ±DBL_MAX at the ends. */
const DEFAULT_LIMITS: readonly number[] = (() => {
  const pos: number[] = [];
  for (let v = 1e-12; v < 1e20; v *= 1.1) pos.push(v);
  pos.push(DBL_MAX);
  const neg = pos.map((v) => -v).reverse();
  return [...neg, 0, ...pos];
})();

/**
 * The histogram of `values` as TF's `Histogram::EncodeToProto(preserve_zero_buckets=false)`
 * writes it: runs of empty buckets folded into one.
 */
export function histogramOf(values: ArrayLike<number>): HistogramProto {
  const limits = DEFAULT_LIMITS;
  const counts = new Float64Array(limits.length);
  let min = DBL_MAX;
  let max = -DBL_MAX;
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    // TF's upper_bound: the first limit above v (a bucket holds [previous limit, limit)).
    let lo = 0;
    let hi = limits.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (limits[mid] > v) hi = mid;
      else lo = mid + 1;
    }
    counts[lo] += 1;
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
    sumSq += v * v;
  }
  const bucket_limit: number[] = [];
  const bucket: number[] = [];
  for (let i = 0; i < counts.length; ) {
    let end = limits[i];
    let count = counts[i];
    i++;
    if (count <= 0) {
      while (i < counts.length && counts[i] <= 0) {
        end = limits[i];
        count = counts[i];
        i++;
      }
    }
    bucket_limit.push(end);
    bucket.push(count);
  }
  if (bucket.length === 0) {
    bucket_limit.push(DBL_MAX);
    bucket.push(0);
  }
  return { min, max, num: values.length, sum, sum_squares: sumSq, bucket_limit, bucket };
}

function quote(s: string): string {
  return JSON.stringify(s);
}

/** A number as protobuf's text format prints a double or float. */
function num(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (x === Infinity) return "inf";
  if (x === -Infinity) return "-inf";
  return String(x);
}

/** The text of a Summary with these values. */
export function encodeSummary(values: readonly SummaryValue[]): string {
  return values
    .map((v) => {
      if ("simple_value" in v) return `value {\n  tag: ${quote(v.tag)}\n  simple_value: ${num(v.simple_value)}\n}\n`;
      const h = v.histo;
      const lines = [`    min: ${num(h.min)}`, `    max: ${num(h.max)}`, `    num: ${num(h.num)}`, `    sum: ${num(h.sum)}`, `    sum_squares: ${num(h.sum_squares)}`];
      for (const l of h.bucket_limit) lines.push(`    bucket_limit: ${num(l)}`);
      for (const b of h.bucket) lines.push(`    bucket: ${num(b)}`);
      return `value {\n  tag: ${quote(v.tag)}\n  histo {\n${lines.join("\n")}\n  }\n}\n`;
    })
    .join("");
}

/** Thrown for text that is not a summary this format wrote. */
export class SummaryParseError extends Error {}

const parseNum = (s: string): number => (s === "nan" ? NaN : s === "inf" ? Infinity : s === "-inf" ? -Infinity : Number(s));

/**
 * The values of a summary's text (the inverse of encodeSummary).
 * @example
 * decodeSummary(encodeSummary([{ tag: "loss", simple_value: 0.5 }])); // [{ tag: "loss", simple_value: 0.5 }]
 */
export function decodeSummary(text: string): SummaryValue[] {
  const out: SummaryValue[] = [];
  const re = /value \{\n {2}tag: ("(?:[^"\\]|\\.)*")\n(?: {2}simple_value: (\S+)\n| {2}histo \{\n((?: {4}\w+: \S+\n)*) {2}\}\n)\}\n/y;
  let at = 0;
  while (at < text.length) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (m === null) throw new SummaryParseError("Error parsing message");
    const tag = JSON.parse(m[1]) as string;
    if (m[2] !== undefined) out.push({ tag, simple_value: parseNum(m[2]) });
    else {
      const h: HistogramProto = { min: 0, max: 0, num: 0, sum: 0, sum_squares: 0, bucket_limit: [], bucket: [] };
      for (const line of m[3].trim().split("\n")) {
        const [k, v] = line.trim().split(": ");
        if (k === "bucket_limit" || k === "bucket") h[k].push(parseNum(v));
        else if (k in h) (h as unknown as Record<string, number>)[k] = parseNum(v);
      }
      out.push({ tag, histo: h });
    }
    at = re.lastIndex;
  }
  return out;
}
