import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import primary from "./arm-definitions/definitions-2022-10-01.json" with { type: "json" };
import supplement from "./arm-definitions/supplement-2022-10-01.json" with { type: "json" };
import { type SwaggerDefinition, swaggerToJsonSchema } from "./swagger-json-schema.js";

/** The api-versions whose definitions the emulator holds: any other is refused, as ARM does. */
export const SUPPORTED_API_VERSIONS = ["2022-10-01"] as const;

/** A request body's violation: where (a dotted path from the body) and why. */
export interface BodyViolation {
  readonly path: string;
  readonly message: string;
}

/** The resources whose PUT bodies are checked, by the definition of their envelope. */
export type EnvelopeName =
  | "ComputeResource"
  | "JobBaseResource"
  | "Datastore"
  | "CodeVersionResource"
  | "ComponentVersion"
  | "EnvironmentVersion";

function allDefinitions(): Record<string, SwaggerDefinition> {
  const a = primary.definitions as Record<string, SwaggerDefinition>;
  const b = supplement.definitions as Record<string, SwaggerDefinition>;
  const clash = Object.keys(b).filter((k) => k in a);
  if (clash.length > 0) throw new Error(`definitions defined twice: ${clash.join(", ")}`);
  return { ...a, ...b };
}

let compiled: Map<EnvelopeName, ValidateFunction> | undefined;

function validators(): Map<EnvelopeName, ValidateFunction> {
  if (compiled) return compiled;
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addSchema(swaggerToJsonSchema(allDefinitions()), "arm");
  const names: EnvelopeName[] = [
    "ComputeResource",
    "JobBaseResource",
    "Datastore",
    "CodeVersionResource",
    "ComponentVersion",
    "EnvironmentVersion",
  ];
  compiled = new Map(names.map((n) => [n, ajv.getSchema(`arm#/definitions/${n}`) as ValidateFunction]));
  return compiled;
}

/** ARM treats an explicit `null` like an absent optional property (the spec marks them x-nullable). */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== null)
      .map(([k, v]) => [k, withoutNulls(v)]),
  );
}

/** ajv's `/a/b/0` as `a.b[0]`, the way ARM error messages name a property. */
function dotted(pointer: string): string {
  return pointer
    .split("/")
    .slice(1)
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path ? `${path}.${part}` : part), "");
}

function describe(error: ErrorObject): BodyViolation {
  const at = dotted(error.instancePath);
  const params = error.params as Record<string, unknown>;
  if (error.keyword === "required")
    return {
      path: at ? `${at}.${String(params.missingProperty)}` : String(params.missingProperty),
      message: "is required",
    };
  if (error.keyword === "additionalProperties")
    return {
      path: at ? `${at}.${String(params.additionalProperty)}` : String(params.additionalProperty),
      message: "is not a property of this type",
    };
  if (error.keyword === "enum")
    return { path: at, message: `must be one of ${(params.allowedValues as string[]).join(", ")}` };
  return { path: at, message: error.message ?? "is invalid" };
}

/**
 * Checks a PUT body against the official definitions of 2022-10-01 (ARM's own swagger validation);
 * empty when it conforms. Only the errors that say what is wrong are kept, not ajv's "must match
 * then schema" echoes of them.
 */
export function validateArmBody(envelope: EnvelopeName, body: unknown): BodyViolation[] {
  const validate = validators().get(envelope);
  if (!validate) throw new Error(`no validator for ${envelope}`);
  if (validate(withoutNulls(body))) return [];
  const seen = new Set<string>();
  return (validate.errors ?? [])
    .filter((e) => e.keyword !== "if" && e.keyword !== "allOf")
    .map(describe)
    .filter((v) => {
      const key = `${v.path}|${v.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
