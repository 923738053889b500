import { defineConfig } from "vitest/config";

// Two cores: integration files each start a real server, so run at most two files at once.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "plugins/**/*.test.ts", "sdk/**/*.test.ts"],
    exclude: ["**/node_modules/**", "**/dist/**", "sdk/template/**"],
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
