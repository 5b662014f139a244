import { defaultServerConditions } from "vite";
import { defineConfig } from "vitest/config";

// Tests import workspace packages through their `source` export condition, so `src/` is tested
// directly and a stale `dist/` can never hide a bug.
export default defineConfig({
  resolve: { conditions: ["source", ...defaultServerConditions] },
  ssr: { resolve: { conditions: ["source", ...defaultServerConditions] } },
  test: {
    reporters: ["default", "./scripts/summary-reporter.ts"],
    include: ["packages/*/test/**/*.test.ts", "examples/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
