import { posix } from "node:path";
import type { Diagnostic, Severity } from "../diagnostics/diagnostic.js";
import type { EnvironmentIR } from "../ir/environment.js";
import { IR_VERSION, type PipelineIR } from "../ir/pipeline.js";
import type { SourcePosition } from "../ir/source-position.js";
import type { LiteralArgumentIR, PythonScriptStepIR } from "../ir/step.js";
import { checkPathSafety } from "../names/plain-name.js";
import { canonicalPath, type ProjectPathOptions } from "../names/project-paths.js";
import { type BesideFiles, readComputesBeside, readDatastoresBeside } from "./read-beside.js";
import type { ReadHost } from "./read-host.js";
import type { ManifestPositions } from "./read-manifest.js";
import { missingStepFiles } from "./step-files.js";

/** What a training run's file says (a `.runconfig` or a v2 command job), as its reader found it. */
export interface TrainingRunFacts {
  readonly name: string;
  readonly script: string;
  readonly arguments: readonly LiteralArgumentIR[];
  /** The compute it targets (`local`: the machine that runs it); none when the file names none. */
  readonly compute?: string;
  /** Root-relative. */
  readonly sourceDirectory: string;
  readonly environment?: EnvironmentIR;
  readonly framework?: "pyspark";
  readonly experiment: string;
  /** Where the file's content starts, and where its script is named. */
  readonly at: SourcePosition;
  readonly scriptAt: SourcePosition;
}

/** Where a training run's file was read from, and how (shared by both readers). */
export interface TrainingRunSource extends ProjectPathOptions {
  /** POSIX folder of the file, relative to the root. */
  readonly folder: string;
  readonly host: ReadHost;
  readonly manifest: ManifestPositions | undefined;
  readonly missingFileSeverity?: Severity;
  readonly diagnostics: Diagnostic[];
}

/**
 * The IR of a training run read from a file: its one PythonScriptStep, the computes and datastores
 * described beside it (a compiled directory's computes/ and datastores/), positions from the manifest
 * when there is one, and its experiment. Unsafe names and paths (AP109, AP110) and a missing script
 * or source folder (AP104) are reported.
 */
export function trainingRunIR(facts: TrainingRunFacts, from: TrainingRunSource): PipelineIR {
  const step: PythonScriptStepIR = {
    type: "PythonScriptStep",
    key: facts.name,
    name: facts.name,
    source: from.manifest?.steps[facts.name] ?? facts.scriptAt,
    ...(facts.compute !== undefined ? { compute: facts.compute } : {}),
    sourceDirectory: facts.sourceDirectory,
    ...(facts.environment ? { environment: facts.environment.name } : {}),
    arguments: facts.arguments,
    parameters: [],
    inputs: [],
    outputs: [],
    allowReuse: true,
    after: [],
    scriptName: facts.script,
    ...(facts.framework ? { framework: facts.framework } : {}),
  };
  const files: BesideFiles = {
    beside: (relative) => canonicalPath(posix.normalize(posix.join(from.folder, relative)), from),
    host: from.host,
    diagnostics: from.diagnostics,
    at: facts.at,
  };
  // `local` needs no attach spec: it is the machine that runs the run.
  const local = facts.compute === "local";
  const described = readComputesBeside(files, local ? [] : [step], undefined);
  const computes = local ? [{ kind: "local" as const, name: "local", source: facts.at }] : described;
  const ir: PipelineIR = {
    irVersion: IR_VERSION,
    name: facts.name,
    source: from.manifest?.source ?? facts.at,
    parameters: [],
    datastores: readDatastoresBeside(files, { parameters: [], dataReferences: [], steps: [step], computes }),
    dataReferences: [],
    computes,
    environments: facts.environment ? [facts.environment] : [],
    steps: [step],
    schedules: [],
    trainingRun: { experiment: facts.experiment },
  };
  const severity = from.missingFileSeverity ?? "warning";
  from.diagnostics.push(
    ...checkPathSafety(ir, { absoluteSeverity: severity, ...from }),
    // A script or source folder that is not there, at the line that names it (as for pipeline steps).
    ...missingStepFiles(ir, (path) => from.host.exists(path), severity),
  );
  return ir;
}
