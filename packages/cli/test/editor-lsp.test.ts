import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createMessageConnection,
  type MessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from "vscode-jsonrpc/node.js";
import { runCliCaptured } from "./run-cli.js";

const root = new URL("../../..", import.meta.url).pathname;
const SERVER = join(root, "node_modules/yaml-language-server/bin/yaml-language-server");

interface Diagnostic {
  readonly message: string;
  readonly range: { readonly start: { readonly line: number } };
}

let server: ChildProcess;
let connection: MessageConnection;
const published = new Map<string, Diagnostic[]>();

beforeAll(async () => {
  // yaml-language-server (what the VS Code YAML extension runs) over stdio, as an editor drives it.
  server = spawn(process.execPath, [SERVER, "--stdio"], { stdio: ["pipe", "pipe", "ignore"] });
  connection = createMessageConnection(
    new StreamMessageReader(server.stdout as NodeJS.ReadableStream),
    new StreamMessageWriter(server.stdin as NodeJS.WritableStream),
  );
  const settings = { validate: true, completion: true, hover: true, schemaStore: { enable: false } };
  connection.onNotification(
    "textDocument/publishDiagnostics",
    (p: { uri: string; diagnostics: Diagnostic[] }) => published.set(p.uri, p.diagnostics),
  );
  connection.onRequest("workspace/configuration", (p: { items: unknown[] }) => p.items.map(() => settings));
  connection.listen();
  await connection.sendRequest("initialize", {
    processId: process.pid,
    rootUri: null,
    capabilities: { workspace: { configuration: true } },
  });
  connection.sendNotification("initialized", {});
  connection.sendNotification("workspace/didChangeConfiguration", { settings: { yaml: settings } });
}, 30_000);
afterAll(() => {
  connection?.dispose();
  server?.kill();
});

/** The compiled demo's pipeline.yaml, with `edit` applied, opened in the server; its URI and text. */
async function openCompiled(edit: (text: string) => string): Promise<{ uri: string; text: string }> {
  // Anywhere: the modelines lead to the schemas compile copies into <out>/.schemas/.
  const out = mkdtempSync(join(tmpdir(), "amlpipe-lsp-"));
  const compiled = await runCliCaptured(["compile", "examples/demo/pipeline.ts", "-o", out, "-q"], {
    cwd: root,
  });
  expect(compiled.code, compiled.stderr).toBe(0);
  const path = join(out, "demo", "pipeline.yaml");
  const text = edit(readFileSync(path, "utf8"));
  const uri = pathToFileURL(path).href;
  connection.sendNotification("textDocument/didOpen", {
    textDocument: { uri, languageId: "yaml", version: 1, text },
  });
  return { uri, text };
}

/** The diagnostics the server publishes for `uri`, once it has. */
async function diagnosticsOf(uri: string): Promise<Diagnostic[]> {
  for (let i = 0; i < 200 && !published.has(uri); i++) await new Promise((r) => setTimeout(r, 50));
  return published.get(uri) ?? [];
}

const STEP = "      type: PythonScriptStep\n";

describe("the shipped schemas in an editor (yaml-language-server over stdio)", () => {
  it("given a compiled file, the modeline finds its schema: a clean file has no diagnostic, a bad value one at its line", async () => {
    const clean = await openCompiled((t) => t);
    expect(await diagnosticsOf(clean.uri)).toEqual([]);
    const bad = await openCompiled((t) => t.replace(STEP, `${STEP}      allow_reuse: maybe\n`));
    const line = bad.text.split("\n").findIndex((l) => l.includes("allow_reuse: maybe"));
    expect((await diagnosticsOf(bad.uri)).map((d) => d.range.start.line)).toContain(line);
  });

  it("given a key the loader ignores, the editor warns at it with the schema's deprecation message", async () => {
    const { uri, text } = await openCompiled((t) => t.replace(STEP, `${STEP}      compute_target: cpu\n`));
    const line = text.split("\n").findIndex((l) => l.includes("compute_target: cpu"));
    expect(await diagnosticsOf(uri)).toContainEqual(
      expect.objectContaining({
        message: "ignored by the Azure ML loader: use compute",
        range: expect.objectContaining({ start: expect.objectContaining({ line }) }),
      }),
    );
  });

  it("given completion inside a PythonScriptStep, only that kind's keys are suggested, and no key the loader ignores", async () => {
    const { uri, text } = await openCompiled((t) => t.replace(STEP, `${STEP}      \n`));
    const line = text.split("\n").indexOf("      ");
    const answer = (await connection.sendRequest("textDocument/completion", {
      textDocument: { uri },
      position: { line, character: 6 },
    })) as { items: { label: string }[] };
    const labels = answer.items.map((i) => i.label);
    expect(labels).toContain("side_inputs");
    for (const ignored of ["compute_target", "adla_compute_name", "hash_paths"])
      expect(labels).not.toContain(ignored);
    // Keys of AzureBatchStep, DatabricksStep, DataTransferStep, ParallelRunStep.
    for (const other of [
      "executable",
      "pool_id",
      "notebook_path",
      "num_workers",
      "source_data_reference",
      "parallel_run_config",
    ])
      expect(labels).not.toContain(other);
  });

  it("given another kind's key in a step, the editor flags it at its line", async () => {
    const { uri, text } = await openCompiled((t) => t.replace(STEP, `${STEP}      pool_id: p1\n`));
    const line = text.split("\n").findIndex((l) => l.includes("pool_id: p1"));
    expect((await diagnosticsOf(uri)).map((d) => d.range.start.line)).toContain(line);
  });
});
