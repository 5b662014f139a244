import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import { SCHEMAS, type SchemaName } from "./schema-registry.js";

/** One schema violation: where in the document (JSON pointer) and which schema rule. */
export interface SchemaViolation {
  readonly instancePath: string;
  readonly schemaPath: string;
  readonly message: string;
}

let ajv: Ajv2020 | undefined;
const compiled = new Map<SchemaName, ValidateFunction>();

// Validators are compiled on first use only, so commands that never validate pay nothing at start-up.
function validatorFor(name: SchemaName): ValidateFunction {
  let validate = compiled.get(name);
  if (!validate) {
    // Strict mode, but for strictRequired: our if/then blocks require properties that the enclosing
    // schema defines, which that check cannot see.
    ajv ??= new Ajv2020({ strict: true, strictRequired: false, allErrors: true, allowUnionTypes: true });
    validate = ajv.compile(SCHEMAS[name]);
    compiled.set(name, validate);
  }
  return validate;
}

/** Checks a parsed document against a shipped schema (ajv, strict mode); empty when it conforms. */
export function validateDocument(name: SchemaName, document: unknown): SchemaViolation[] {
  const validate = validatorFor(name);
  if (validate(document)) return [];
  return (validate.errors ?? []).map((error) => ({
    instancePath: error.instancePath,
    schemaPath: error.schemaPath,
    message: error.message ?? "is invalid",
  }));
}
