import { posix } from "node:path";
import { NO_ENVIRONMENT_NAME } from "../compiled-directory/default-environment.js";
import type { Diagnostic, Severity } from "../diagnostics/diagnostic.js";
import type { EnvironmentIR } from "../ir/environment.js";
import type { SourcePosition } from "../ir/source-position.js";
import { canonicalPath, isAbsoluteAnywhere, type ProjectPathOptions } from "../names/project-paths.js";
import type { ReadHost } from "./read-host.js";
import { readRunconfigSpec } from "./read-runconfig.js";
import { readSpecFile } from "./read-spec-file.js";
import { readParallelRunConfigSpec } from "./read-specs.js";
import type { RunconfigFacts, StepReadContext } from "./read-step.js";

/** What reading the files a step points at needs. */
export interface SideFileOptions {
  readonly yamlDir: string;
  readonly host: ReadHost;
  readonly missingFileSeverity: Severity;
  readonly allow: ProjectPathOptions;
  readonly diagnostics: Diagnostic[];
  /** Collects each distinct environment the runconfigs describe (once each). */
  readonly environments: EnvironmentIR[];
}

/**
 * The context steps are read with: it reads the runconfig and ParallelRunConfig files they name,
 * each runconfig once (steps often share one), and gathers the environments those describe.
 * Absolute paths stay absolute, so AP110 refuses them rather than reading them under the YAML's folder.
 */
export function stepReadContext(options: SideFileOptions): StepReadContext {
  const { yamlDir, host, allow, environments } = options;
  const referencedFrom = (folder: string, raw: string) => {
    const path = raw.replace(/\\/g, "/");
    return isAbsoluteAnywhere(path)
      ? canonicalPath(path, allow)
      : canonicalPath(posix.normalize(posix.join(folder, path)), allow);
  };
  const referenced = (raw: string) => referencedFrom(yamlDir, raw);
  const specOptions = {
    host,
    severity: options.missingFileSeverity,
    diagnostics: options.diagnostics,
    allow,
  };
  const runconfigs = new Map<string, RunconfigFacts | undefined>();
  /** Keeps each distinct environment once (steps often share one). */
  const keep = (environment: EnvironmentIR) => {
    const same = (e: EnvironmentIR) =>
      JSON.stringify({ ...e, source: 0 }) === JSON.stringify({ ...environment, source: 0 });
    if (!environments.some(same)) environments.push(environment);
  };
  return {
    yamlDir,
    host,
    missingFileSeverity: options.missingFileSeverity,
    allow,
    readRunconfig(relative, at) {
      const file = referenced(relative);
      if (runconfigs.has(file)) return runconfigs.get(file);
      const facts = readSpecFile(file, at, specOptions, (cursor) => {
        // Files a runconfig names (its conda file, its Environment file) sit beside it.
        const companion = (name: string, companionAt: SourcePosition) =>
          readSpecFile(referencedFrom(posix.dirname(file), name), companionAt, specOptions, (c) => c);
        const spec = readRunconfigSpec(cursor, companion);
        // amlpipe's stand-in for "no environment" (compiled-directory/default-environment.ts).
        if (spec.environment.name === NO_ENVIRONMENT_NAME)
          return {
            framework: spec.framework,
            ...(spec.jarLibraries ? { jarLibraries: spec.jarLibraries } : {}),
          };
        keep(spec.environment);
        return {
          environment: spec.environment.name,
          framework: spec.framework,
          ...(spec.jarLibraries ? { jarLibraries: spec.jarLibraries } : {}),
        };
      });
      runconfigs.set(file, facts);
      return facts;
    },
    readParallelRunConfig(relative, at) {
      const facts = readSpecFile(referenced(relative), at, specOptions, readParallelRunConfigSpec);
      if (!facts) return undefined;
      const environment = facts.environment;
      if (environment && environment.name !== NO_ENVIRONMENT_NAME) keep(environment);
      return {
        config: facts.config,
        ...(facts.compute !== undefined ? { compute: facts.compute } : {}),
        ...(facts.sourceDirectory !== undefined
          ? { sourceDirectory: referenced(facts.sourceDirectory) }
          : {}),
        ...(environment && environment.name !== NO_ENVIRONMENT_NAME ? { environment: environment.name } : {}),
      };
    },
  };
}
