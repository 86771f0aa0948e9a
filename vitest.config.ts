import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Playwright's e2e/*.spec.ts run in Chromium, not here.
    include: ["engine/**/*.test.ts", "src/**/*.test.ts", "lessons/**/*.test.ts", "scripts/**/*.test.ts"],
    environment: "node",
    // No wall-clock verdicts: machines are shared, and a loaded one runs a long training test
    // past Vitest's default 5 s without anything being wrong (speed goals live in `npm run bench`).
    testTimeout: 0,
  },
});
