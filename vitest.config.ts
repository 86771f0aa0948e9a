import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Playwright's e2e/*.spec.ts run in Chromium, not here.
    include: ["engine/**/*.test.ts", "src/**/*.test.ts", "lessons/**/*.test.ts", "scripts/**/*.test.ts"],
    environment: "node",
  },
});
