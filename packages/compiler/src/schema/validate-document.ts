import { VALIDATORS } from "./generated/validators.js";
import type { SchemaName } from "./schema-registry.js";

/** One schema violation: where in the document (JSON pointer) and which schema rule. */
export interface SchemaViolation {
  readonly instancePath: string;
  readonly schemaPath: string;
  readonly message: string;
}

/** The shape of an ajv standalone validator: true when valid, else `errors` says why. */
interface PrecompiledValidator {
  (data: unknown): boolean;
  errors?:
    | readonly {
        instancePath: string;
        schemaPath: string;
        message?: string;
        params?: { additionalProperty?: string; propertyName?: string };
      }[]
    | null;
}

// Validators are ajv standalone code generated at build time (packages/compiler/scripts/
// validator-source.mjs, strict mode): compiling the schemas at start-up cost ~200 ms of CLI cold start.
const PRECOMPILED: Readonly<Record<string, PrecompiledValidator>> = VALIDATORS;

/**
 * Checks a parsed document against a shipped schema; empty when it conforms. Errors carry the JSON
 * pointer of the offending value (`instancePath`) and the schema rule that failed (`schemaPath`).
 * A new schema is one definition file plus one line in schema-registry.ts (`pnpm build` regenerates
 * the validators; a test fails when they drift).
 */
export function validateDocument(name: SchemaName, document: unknown): SchemaViolation[] {
  const validate = PRECOMPILED[name];
  if (!validate) {
    // Only reachable when the generated module is stale: a developer error, caught by the drift test.
    throw new Error(`no precompiled validator for "${name}": run \`pnpm build\``);
  }
  if (validate(document)) return [];
  return (validate.errors ?? []).map((error) => ({
    instancePath: error.instancePath,
    schemaPath: error.schemaPath,
    // ajv names the offending key in params, not in the message: say which key it is.
    message: `${error.message ?? "is invalid"}${
      error.params?.additionalProperty !== undefined
        ? ` ("${error.params.additionalProperty}")`
        : error.params?.propertyName !== undefined
          ? ` ("${error.params.propertyName}")`
          : ""
    }`,
  }));
}
