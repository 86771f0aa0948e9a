import { describe, expect, it } from "vitest";
import { chainAt, chainBefore } from "./pythonChains";

describe("tf chains in Python lines", () => {
  it("finds the chain being typed after a dot, and nothing outside tf", () => {
    expect(chainBefore("opt = tf.train.Ad")).toEqual({ chain: "tf.train", partial: "Ad" });
    expect(chainBefore("x = tf.")).toEqual({ chain: "tf", partial: "" });
    expect(chainBefore("print(tf.nn.re")).toEqual({ chain: "tf.nn", partial: "re" });
    expect(chainBefore("x = np.ar")).toBeNull();
    expect(chainBefore("x = mytf.ad")).toBeNull();
    expect(chainBefore("sess.run(tf")).toBeNull();
  });

  it("finds the chain through the word under the cursor", () => {
    const line = "opt = tf.train.GradientDescentOptimizer(0.01)";
    expect(chainAt(line, line.indexOf("Gradient") + 3)).toBe("tf.train.GradientDescentOptimizer");
    expect(chainAt(line, line.indexOf("train") + 1)).toBe("tf.train");
    expect(chainAt(line, 1)).toBeNull();
    expect(chainAt("y = other.tf.constant(1)", 14)).toBeNull();
  });
});
