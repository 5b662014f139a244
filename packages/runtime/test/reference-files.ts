// The official ARM definitions and x-ms-examples in ../shared/reference (transcribed from
// Azure/azure-rest-api-specs): the oracle the emulator's contract tests hold it to. Found through
// AMLPIPE_REFERENCE, else ../shared/reference beside the checkout, else /work/shared/reference.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

const root = new URL("../../..", import.meta.url).pathname;

/** The reference folder, or undefined when it is not on this machine. */
export function referenceDir(): string | undefined {
  const candidates = [
    process.env.AMLPIPE_REFERENCE,
    resolve(root, "../shared/reference"),
    "/work/shared/reference",
  ];
  return candidates.find((p): p is string => p !== undefined && existsSync(join(p, "arm-examples")));
}

/** One official example: its file, the request's parameters and the responses it lists. */
export interface ArmExample {
  readonly file: string;
  readonly parameters: Record<string, unknown>;
  readonly responses: Record<string, { body?: Record<string, unknown>; headers?: Record<string, string> }>;
}

/** Every x-ms-example of the reference folder. */
export function armExamples(dir: string): ArmExample[] {
  const folder = join(dir, "arm-examples");
  return readdirSync(folder)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((file) => ({
      file,
      ...(JSON.parse(readFileSync(join(folder, file), "utf8")) as Omit<ArmExample, "file">),
    }));
}
