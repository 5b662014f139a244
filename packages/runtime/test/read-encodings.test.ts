import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readPipeline } from "@amlpipe/compiler";
import { describe, expect, it } from "vitest";
import { createFsReadHost } from "../src/index.js";

const PIPELINE = [
  "pipeline:",
  "  name: enc",
  "  data_references:",
  "    raw: &raw_ref",
  "      datastore: store",
  "      path_on_datastore: raw/in.csv",
  "  steps:",
  "    base: &base",
  "      type: PythonScriptStep",
  "      script_name: s.py",
  "      source_directory: steps",
  "      compute: cpu",
  "      allow_reuse: false",
  "    second:",
  "      <<: *base",
  "      script_name: t.py",
  '      arguments: [--x, "1"]',
  "",
];

function read(bytes: Buffer) {
  const root = mkdtempSync(join(tmpdir(), "amlpipe-enc-"));
  writeFileSync(join(root, "p.yaml"), bytes);
  return readPipeline({ path: "p.yaml", host: createFsReadHost(root) });
}

describe("reading files as the loader does", () => {
  const variants: Record<string, Buffer> = {
    "UTF-8": Buffer.from(PIPELINE.join("\n")),
    "UTF-8 with BOM": Buffer.from(`\uFEFF${PIPELINE.join("\n")}`),
    "CR-only line ends": Buffer.from(PIPELINE.join("\r")),
    "CRLF line ends": Buffer.from(PIPELINE.join("\r\n")),
    "UTF-16 LE": Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(PIPELINE.join("\n"), "utf16le")]),
    "UTF-16 BE": Buffer.concat([
      Buffer.from([0xfe, 0xff]),
      Buffer.from(PIPELINE.join("\n"), "utf16le").swap16(),
    ]),
  };
  for (const [name, bytes] of Object.entries(variants)) {
    it(`given ${name}, reads merge keys and aliases like the loader, with positions at the right lines`, () => {
      const { ir, diagnostics } = read(bytes);
      expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      const second = ir?.steps.find((s) => s.key === "second");
      // Merged from &base, with its own script_name winning.
      expect(second).toMatchObject({
        type: "PythonScriptStep",
        scriptName: "t.py",
        compute: "cpu",
        allowReuse: false,
      });
      expect(ir?.steps.find((s) => s.key === "base")?.source.line).toBe(8);
      expect(second?.source.line).toBe(14);
    });
  }
});
