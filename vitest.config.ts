import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Playwright's e2e/*.spec.ts run in Chromium, not here.
    include: ["engine/**/*.test.ts", "src/**/*.test.ts", "lessons/**/*.test.ts", "scripts/**/*.test.ts", "bench/**/*.test.ts"],
    environment: "node",
    // No wall-clock verdicts: machines are shared, and a loaded one runs a long training test
    // past Vitest's default 5 s without anything being wrong (speed goals live in `npm run bench`).
    // The limit left is a hang guard only: a test stuck forever would otherwise stall CI until
    // its 30-minute budget runs out, with no name to point at.
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
