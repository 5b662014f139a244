import type { TsExpression } from "@amlpipe/compiler";
import type { FidelityEntry } from "./fidelity.js";
import { Identifiers } from "./identifiers.js";

/** A `const` of the generated file. */
export interface GeneratedConst {
  readonly name: string;
  readonly init: TsExpression;
  readonly comment?: string;
}

/**
 * What `import` has built so far: the consts in order, the DSL names used, the const of each
 * datastore, data reference, compute, environment, parameter and step, and the fidelity report.
 */
export class GenerationState {
  readonly report: FidelityEntry[] = [];
  readonly consts: GeneratedConst[] = [];
  readonly used = new Set<string>();
  readonly datastores = new Map<string, string>();
  readonly references = new Map<string, string>();
  readonly computes = new Map<string, string>();
  readonly environments = new Map<string, string>();
  readonly params = new Map<string, string>();
  readonly steps = new Map<string, string>();
  /** Intermediate data name -> the step const and output that write it. */
  readonly producers = new Map<string, { step: string; output: string }>();
  private readonly ids = new Identifiers();

  /** Adds a const named after `label` (made a unique identifier) and returns its name. */
  add(label: string, init: TsExpression, comment?: string): string {
    const name = this.ids.take(label);
    this.consts.push({ name, init, ...(comment ? { comment } : {}) });
    return name;
  }

  /** Records that the file uses the DSL export `name`. */
  use(name: string): void {
    this.used.add(name);
  }
}
