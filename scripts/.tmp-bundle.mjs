const { build } = await import("tsdown");
await build({ cwd: process.cwd(), config: false, entry: { bundled: "src/index.ts" }, format: "esm", outDir: "/tmp/cbundle", clean: true, dts: false, tsconfig: "tsconfig.json", logLevel: "warn", inputOptions: { checks: { pluginTimings: false } } });
