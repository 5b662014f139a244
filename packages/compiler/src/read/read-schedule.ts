import { posix } from "node:path";
import { type Diagnostic, diagnostic } from "../diagnostics/diagnostic.js";
import type { ScheduleIR } from "../ir/schedule.js";
import { parseYamlFile } from "./parse-yaml-file.js";
import type { ReadHost } from "./read-host.js";
import { readScheduleSpec } from "./read-specs.js";

/** Reads a standalone schedule document (`Schedule:`), named after its file. Never throws. */
export function readSchedule(options: { readonly path: string; readonly host: ReadHost }): {
  schedule: ScheduleIR | undefined;
  diagnostics: Diagnostic[];
} {
  const diagnostics: Diagnostic[] = [];
  const text = options.host.readFile(options.path);
  if (text === undefined) {
    diagnostics.push(
      diagnostic("AP902", `cannot read "${options.path}"`, {
        at: { file: options.path, line: 1, col: 1 },
      }),
    );
    return { schedule: undefined, diagnostics };
  }
  const cursor = parseYamlFile(options.path, text, diagnostics);
  const name = posix.basename(options.path).replace(/\.ya?ml$/, "");
  return { schedule: cursor ? readScheduleSpec(name, cursor) : undefined, diagnostics };
}
