import { defaultServerConditions } from "vite";
import { defineConfig } from "vitest/config";

// Tests import workspace packages through their `source` export condition, so `src/` is tested
// directly and a stale `dist/` can never hide a bug. Vite's non-standard `module` condition is left
// out: vitest hands the conditions to Node, whose `require` would then load packages' ESM builds from
// CommonJS (Azurite's telemetry dependencies break that way).
const conditions = ["source", ...defaultServerConditions.filter((c) => c !== "module")];
export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    reporters: ["default", "./scripts/summary-reporter.ts"],
    include: ["packages/*/test/**/*.test.ts", "examples/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
