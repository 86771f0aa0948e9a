import { beforeEach, describe, expect, it } from "vitest";
import { NDArray, float32, writeNpz } from "../../engine";
import { memoryFileDb } from "./db";
import { filesForRun, filesSettled, loadFiles, programWroteFile, removeFile, resetFilesForTest, uploadCheckpoint, useFiles, MAX_FILES } from "./files";

const bytes = (...b: number[]) => Uint8Array.from(b);
let db = memoryFileDb();

beforeEach(() => {
  db = memoryFileDb([{ path: "/old/a.npz", data: bytes(1, 2), mtime: 5 }]);
  resetFilesForTest(db);
});

describe("the page's files", () => {
  it("reads the stored files once, and every run starts with them", async () => {
    await loadFiles();
    expect(useFiles.getState()).toMatchObject({ loaded: true, files: [{ path: "/old/a.npz", size: 2, mtime: 5 }] });
    expect(filesForRun()).toEqual([{ path: "/old/a.npz", data: bytes(1, 2) }]);
  });

  it("stores what a program writes and forgets what it deletes", async () => {
    await loadFiles();
    programWroteFile("/tmp/checkpoint", bytes(9));
    programWroteFile("/old/a.npz", null);
    await filesSettled();
    expect([...db.records.keys()]).toEqual(["/tmp/checkpoint"]);
    expect(useFiles.getState().files.map((f) => f.path)).toEqual(["/tmp/checkpoint"]);
    removeFile("/tmp/checkpoint");
    await filesSettled();
    expect(db.records.size).toBe(0);
  });

  it("stores only the newest bytes of a path a program writes over and over", async () => {
    await loadFiles();
    const puts: number[] = [];
    const slow = { ...db, put: async (r: { data: Uint8Array }) => void puts.push(r.data[0]) };
    resetFilesForTest(slow);
    await loadFiles();
    for (let i = 0; i < 100; i++) programWroteFile("/tmp/model.ckpt.npz", bytes(i));
    await filesSettled();
    expect(puts.length).toBeLessThan(3);
    expect(puts[puts.length - 1]).toBe(99);
  });

  it(`keeps at most ${MAX_FILES} files, refusing new ones beyond`, async () => {
    await loadFiles();
    for (let i = 1; i < MAX_FILES; i++) expect(programWroteFile(`/f${i}`, bytes(i % 256))).toBe(true);
    expect(programWroteFile("/one-too-many", bytes(1))).toBe(false);
    expect(programWroteFile("/f1", bytes(2))).toBe(true); // replacing one is fine
  });

  it("takes an uploaded .npz as a checkpoint under /uploads, naming it in /uploads/checkpoint", async () => {
    await loadFiles();
    const npz = writeNpz([["v", new NDArray(float32, [2], new Float32Array([1, 2]))]]);
    expect(uploadCheckpoint("my model.ckpt.npz", npz)).toBe("/uploads/my_model.ckpt");
    const paths = filesForRun().map((f) => f.path);
    expect(paths).toContain("/uploads/my_model.ckpt.npz");
    const state = new TextDecoder().decode(filesForRun().find((f) => f.path === "/uploads/checkpoint")!.data);
    expect(state).toBe('model_checkpoint_path: "/uploads/my_model.ckpt"\nall_model_checkpoint_paths: "/uploads/my_model.ckpt"\n');
    expect(() => uploadCheckpoint("notes.txt", bytes(1))).toThrow("notes.txt is not a checkpoint: the playground's checkpoints are numpy .npz files");
    expect(() => uploadCheckpoint("bad.npz", bytes(1, 2, 3))).toThrow(/^bad\.npz is not a checkpoint: not a ZIP archive/);
  });
});
