/**
 * numpy's `a[i]` on fetched arrays: rows as views, elements of vectors, negative indices,
 * writes, iteration over the first axis, and numpy's IndexErrors.
 */
import { describe, expect, it } from "vitest";
import { float32, int32, string as stringDType } from "../dtypes.js";
import { NDArray } from "../ndarray.js";
import { pyStr } from "../format/python.js";
import "./indexing.js";

type Indexed = NDArray;
const m = () => new NDArray(float32, [2, 3], Float32Array.from([1, 2, 3, 4, 5, 6])) as Indexed;

describe("a[i] on an NDArray", () => {
  it("gives row i of a matrix, element i of a vector (a numpy scalar of its dtype), and counts negative indices from the end", () => {
    const a = m();
    const row = a[1] as Indexed;
    expect(row).toBeInstanceOf(NDArray);
    expect(row.shape).toEqual([3]);
    expect(row.toArray()).toEqual([4, 5, 6]);
    expect(pyStr(row[-1])).toBe("6.0");
    expect(Number((a[-2] as Indexed)[0])).toBe(1);
  });

  it("shares memory as numpy's views do: writing into a row writes into the array", () => {
    const a = m();
    (a[0] as Indexed)[2] = 30;
    a[1] = 0;
    expect(a.toArray()).toEqual([
      [1, 2, 30],
      [0, 0, 0],
    ]);
    a[1] = [7, 8, 9];
    expect((a.toArray() as number[][])[1]).toEqual([7, 8, 9]);
    expect(() => {
      a[0] = [1, 2];
    }).toThrow("could not broadcast input array from shape (2,) into shape (3,)");
  });

  it("raises numpy's IndexErrors", () => {
    const a = m();
    expect(() => a[2]).toThrow("index 2 is out of bounds for axis 0 with size 2");
    expect(() => a[-3]).toThrow("index -3 is out of bounds for axis 0 with size 2");
    expect(() => (a as unknown as Record<string, unknown>)["1.5"]).toThrow("only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices");
    expect(() => (new NDArray(int32, [], Int32Array.from([3])) as Indexed)[0]).toThrow("too many indices for array");
  });

  it("iterates over the first axis, and refuses to iterate a 0-d array", () => {
    expect([...m()].map((r) => (r as NDArray).toArray())).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect([...new NDArray(stringDType, [2], ["a", "bc"])].map(pyStr)).toEqual(["b'a'", "b'bc'"]);
    expect(() => [...new NDArray(int32, [], Int32Array.from([3]))]).toThrow("iteration over a 0-d array");
  });

  it("leaves every other property alone", () => {
    const a = m();
    expect(a.shape).toEqual([2, 3]);
    expect((a as unknown as Record<string, unknown>).nope).toBeUndefined();
    expect(a.size).toBe(6);
  });
});
