import { relative, resolve } from "node:path";
import { type Diagnostic, emitV2, hasErrors } from "@amlpipe/compiler";
import { loadCompiledPipeline, toRootRelative, writeCompiledFiles } from "@amlpipe/runtime";
import { parse } from "yaml";
import { ExitCode } from "../cli-io.js";
import { printDiagnostics } from "../print-diagnostics.js";
import type { CommandModule } from "./command-module.js";
import { SHIPPED_SCHEMAS, toPosix } from "./compile.js";
import { importPipeline } from "./import.js";

/** One step's fate in a migration. */
export interface MigratedStep {
  readonly step: string;
  readonly type: string;
  readonly status: "migrated" | "not migratable";
  readonly reason?: string;
  readonly at?: { readonly file: string; readonly line: number };
}

/** `amlpipe migrate <v1 pipeline.yaml>`: writes the v2 pipeline job YAML (and, with --ts, the TypeScript). */
export const migrateCommand: CommandModule = {
  name: "migrate",
  register(program, io, setExit) {
    program
      .command("migrate")
      .description("migrate a v1 pipeline YAML to the v2 pipeline job YAML that today's Azure ML runs")
      .argument("<input>", "a v1 pipeline YAML or compiled directory")
      .option("-o, --out <dir>", "where to write the v2 files", "out-v2")
      .option("--ts <file>", "also write the pipeline as amlpipe TypeScript (amlpipe import)")
      .option("--json", "print the migration report as JSON")
      .addHelpText(
        "after",
        "\nThe runconfig and parallel_run_config files the v1 file names are read: their environment, code\nfolder and entry script are carried. Steps with no faithful v2 form (AdlaStep, AzureBatchStep,\nDatabricksStep, Spark off Synapse, a ParallelRunStep whose config cannot be read, an input bound to\nnothing) are left out of the v2 YAML and listed with their line and reason; every setting not carried\nis a warning (notCarried in --json). Exit codes: 0 every step migrated, 1 some step could not be (the\nrest is still written), 2 usage.\n\nExample:\n  amlpipe migrate legacy/pipeline.yml -o out-v2 --ts pipelines/legacy.pipeline.ts",
      )
      .action(async (input: string, options: { out: string; ts?: string; json?: boolean }) => {
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
          // The modeline points at the schema amlpipe ships, as compile's does (not at a file not written).
          schemaDirectory: toPosix(relative(outDir, SHIPPED_SCHEMAS)),
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
        if (written) writeCompiledFiles(resolve(root, options.out), ir.name, emitted.files);
        let ts: string | undefined;
        if (options.ts) {
          const imported = await importPipeline(input, options.ts, io, true);
          ts = imported.outcome?.written;
        }
        // What was read or written with a caveat (a setting not carried, a default put in): never silent.
        const notCarried = [...loaded.diagnostics, ...emitted.diagnostics].filter(
          (d) => d.severity !== "error",
        );
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
          io.stderr(
            written
              ? `wrote ${report.v2}/pipeline.yaml${ts ? ` and ${ts}` : ""}\n`
              : `wrote no v2 file: no step of "${ir.name}" could be migrated${ts ? ` (wrote ${ts})` : ""}\n`,
          );
          for (const s of steps)
            io.stderr(
              `  ${s.status === "migrated" ? "migrated      " : "NOT MIGRATABLE"} ${s.step} (${s.type})${s.at ? ` at ${s.at.file}:${s.at.line}: ${s.reason}` : ""}\n`,
            );
        }
        setExit(steps.some((s) => s.status !== "migrated") ? ExitCode.failed : ExitCode.ok);
      });
  },
};
