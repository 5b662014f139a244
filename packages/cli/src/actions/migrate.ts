import { resolve } from "node:path";
import { type Diagnostic, emitV2, hasErrors } from "@amlpipe/compiler";
import { loadCompiledPipeline, toRootRelative, writeCompiledFiles } from "@amlpipe/runtime";
import { parse } from "yaml";
import { type CliIo, ExitCode, type ExitCodeValue, say } from "../cli-io.js";
import { printDiagnostics } from "../print-diagnostics.js";
import { SCHEMA_LINK, writeSchemaCopies } from "./compile-to-directory.js";
import { importPipeline } from "./import.js";

/** One step's fate in a migration. */
export interface MigratedStep {
  readonly step: string;
  readonly type: string;
  readonly status: "migrated" | "not migratable";
  readonly reason?: string;
  readonly at?: { readonly file: string; readonly line: number };
}

/** The action of `amlpipe migrate`: writes the v2 file and reports each step's fate. */
export async function migrateAction(
  io: CliIo,
  setExit: (code: ExitCodeValue) => void,
  input: string,
  options: { out: string; ts?: string; json?: boolean },
): Promise<void> {
  const root = resolve(io.cwd);
  const loaded = loadCompiledPipeline(input, { root, missingFileSeverity: "warning" });
  if (!loaded.ir || hasErrors(loaded.diagnostics)) {
    printDiagnostics(io, loaded.diagnostics, "human");
    setExit(ExitCode.failed);
    return;
  }
  const ir = loaded.ir;
  const outDir = resolve(root, options.out, ir.name);
  const emitted = emitV2(ir, {
    outputToRoot: toRootRelative(outDir, root) || ".",
    toolVersion: "migrate",
    // The modeline points at the copy of the shipped schemas beside the output, as compile's does.
    schemaDirectory: SCHEMA_LINK,
  });
  // AP700 (no v2 form), AP702 (local), AP704 (Spark off Synapse): the step is left out of the v2 file.
  const notMigratable = emitted.diagnostics.filter(
    (d): d is Diagnostic & { at: NonNullable<Diagnostic["at"]> } =>
      d.severity === "error" && d.at !== undefined,
  );
  // A step is migrated when its job is in the written file; the error that names it says why not.
  const written = emitted.files.find((f) => f.path === "pipeline.yaml");
  const jobs = new Set(Object.keys((written ? (parse(written.text)?.jobs ?? {}) : {}) as object));
  const steps: MigratedStep[] = ir.steps.map((step) => {
    const problem = jobs.has(step.key)
      ? undefined
      : (notMigratable.find((d) => d.message.includes(`"${step.key}"`)) ?? {
          message: `step "${step.key}" has no v2 job`,
          at: step.source,
        });
    return problem
      ? {
          step: step.key,
          type: step.type,
          status: "not migratable",
          reason: problem.message,
          at: { file: problem.at.file, line: problem.at.line },
        }
      : { step: step.key, type: step.type, status: "migrated" };
  });
  if (written) {
    writeCompiledFiles(resolve(root, options.out), ir.name, emitted.files);
    writeSchemaCopies(resolve(root, options.out));
  }
  let ts: string | undefined;
  if (options.ts) {
    const imported = await importPipeline(input, options.ts, io, true);
    ts = imported.outcome?.written;
  }
  // What was read or written with a caveat (a setting not carried, a default put in): never silent.
  const notCarried = [...loaded.diagnostics, ...emitted.diagnostics].filter((d) => d.severity !== "error");
  const report = {
    ...(written ? { v2: toRootRelative(root, outDir) } : {}),
    ...(ts ? { typescript: ts } : {}),
    steps,
    notCarried: notCarried.map((d) => ({
      code: d.code,
      message: d.message,
      ...(d.at ? { at: { file: d.at.file, line: d.at.line } } : {}),
    })),
  };
  if (options.json) io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  else {
    printDiagnostics(io, notCarried, "human");
    say(
      io,
      written
        ? `wrote ${report.v2}/pipeline.yaml${ts ? ` and ${ts}` : ""}\n`
        : `wrote no v2 file: no step of "${ir.name}" could be migrated${ts ? ` (wrote ${ts})` : ""}\n`,
    );
    // -q still lists the steps that were not migrated: they are why the exit code is 1.
    for (const s of steps.filter((x) => io.verbosity !== "quiet" || x.status !== "migrated"))
      io.stderr(
        `  ${s.status === "migrated" ? "migrated      " : "NOT MIGRATABLE"} ${s.step} (${s.type})${s.at ? ` at ${s.at.file}:${s.at.line}: ${s.reason}` : ""}\n`,
      );
  }
  setExit(steps.some((s) => s.status !== "migrated") ? ExitCode.failed : ExitCode.ok);
}
