import { mkdtempSync, mkdirSync, readFileSync, symlinkSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DiskFiles } from "./disk_files";

const bytes = (s: string) => Uint8Array.from(Buffer.from(s));

describe("the CLI's files directory", () => {
  it("takes every path inside its directory, absolute ones included", () => {
    const root = mkdtempSync(join(tmpdir(), "play-files-"));
    const files = new DiskFiles(root);
    files.write("/tmp/model.ckpt.npz", bytes("a"));
    files.write("train/checkpoint", bytes("b"));
    expect(readFileSync(join(root, "tmp/model.ckpt.npz"), "utf8")).toBe("a");
    expect(Buffer.from(files.read("./train/../train/checkpoint")!).toString()).toBe("b");
    expect(files.read("/nothing")).toBe(null);
    expect(files.isDirectory("/tmp")).toBe(true);
    expect(files.isDirectory("tmp/model.ckpt.npz")).toBe(false);
    expect(files.list().sort()).toEqual(["/tmp/model.ckpt.npz", "/train/checkpoint"]);
    files.remove("/tmp/model.ckpt.npz");
    expect(existsSync(join(root, "tmp/model.ckpt.npz"))).toBe(false);
  });

  it("refuses a path that climbs out of it, or leaves it through a symbolic link", () => {
    const base = mkdtempSync(join(tmpdir(), "play-files-"));
    const root = join(base, "files");
    mkdirSync(root);
    const outside = join(base, "outside");
    mkdirSync(outside);
    symlinkSync(outside, join(root, "link"));
    const files = new DiskFiles(root);
    expect(() => files.write("../escape", bytes("x"))).toThrow(/outside the playground's files directory/);
    expect(() => files.write("link/escape", bytes("x"))).toThrow(/outside the playground's files directory/);
    expect(() => files.read("link/escape")).toThrow(/outside/);
    expect(existsSync(join(base, "escape"))).toBe(false);
    expect(existsSync(join(outside, "escape"))).toBe(false);
  });
});
