// Writes packages/runtime/src/emulator/arm-definitions/supplement-2022-10-01.json: the definitions of
// datastores and of component and environment versions, which ../shared/reference/arm-spec's
// transcription of the 2022-10-01 spec does not hold. They are read from the models of the official
// client @azure/arm-machinelearning 2.1.1, which AutoRest generated from that same spec version, and
// written in the transcription's swagger form (types, required, readOnly, patterns, discriminators).
// Run: node scripts/transcribe-client-mappers.mjs (from the repository root, after install).
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(join(process.cwd(), "packages/runtime/package.json"));
const clientDir = dirname(require.resolve("@azure/arm-machinelearning/package.json"));
const mappers = await import(join(clientDir, "dist-esm/src/models/mappers.js"));
const ROOTS = ["Datastore", "ComponentVersion", "EnvironmentVersion", "DatastoreSecrets", "CommandJob"];
// Models the transcription already defines are referred to, not copied; the client calls the job base
// `JobBaseProperties` where the spec (and the transcription) says `JobBase`.
const transcribed = new Set(
  Object.keys(
    JSON.parse(
      readFileSync("packages/runtime/src/emulator/arm-definitions/definitions-2022-10-01.json", "utf8"),
    ).definitions,
  ),
);
const RENAMES = { JobBaseProperties: "JobBase" };
const specName = (className) => RENAMES[className] ?? className;
// The spec's resource envelopes require `properties` (as CodeVersionResource does in the transcription);
// the generated client models do not carry that flag.
const ENVELOPES = new Set(["Datastore", "ComponentVersion", "EnvironmentVersion"]);

const byClass = new Map(
  Object.values(mappers)
    .map((m) => [m.type?.className, m])
    .filter(([k]) => k),
);
const definitions = {};
const queue = [...ROOTS];

function typeSchema(type) {
  switch (type.name) {
    case "String":
    case "DateTime":
    case "Uuid":
    case "ByteArray":
      return { type: "string" };
    case "Boolean":
      return { type: "boolean" };
    case "Number":
      return { type: "number" };
    case "Enum":
      // A discriminator the client lists no values for is an open set: any text.
      return type.allowedValues?.length ? { type: "string", enum: type.allowedValues } : { type: "string" };
    case "Sequence":
      return { type: "array", items: typeSchema(type.element.type) };
    case "Dictionary":
      return { type: "object", additionalProperties: typeSchema(type.value.type) };
    case "Composite":
      if (!transcribed.has(specName(type.className))) queue.push(type.className);
      return { $ref: `#/definitions/${specName(type.className)}` };
    default:
      return {};
  }
}

/** A polymorphic base names itself; a subtype's serializedName is its discriminator value. */
function isBase(mapper) {
  const { uberParent, className } = mapper.type;
  if (mapper.serializedName === undefined) return true;
  if (mapper.serializedName !== className) return false;
  // A subtype whose discriminator value is its class name (`Mpi`) is told apart by having no subtypes.
  const hasSubtypes = Object.keys(mappers.discriminators ?? {}).some((k) => k.startsWith(`${className}.`));
  return uberParent === undefined || uberParent === className || hasSubtypes;
}

function definitionOf(mapper) {
  const { type } = mapper;
  const properties = {};
  const required = [];
  for (const [, p] of Object.entries(type.modelProperties ?? {})) {
    const schema = typeSchema(p.type);
    if (p.readOnly) schema.readOnly = true;
    if (p.constraints?.Pattern) schema.pattern = String(p.constraints.Pattern.source ?? "[a-zA-Z0-9_]");
    if (p.constraints?.MaxLength !== undefined) schema.maxLength = p.constraints.MaxLength;
    properties[p.serializedName] = schema;
    if (p.required) required.push(p.serializedName);
  }
  if (ENVELOPES.has(type.className)) required.push("properties");
  const definition = { type: "object", properties, ...(required.length ? { required } : {}) };
  const discriminator = type.polymorphicDiscriminator?.serializedName;
  if (discriminator && isBase(mapper)) definition.discriminator = discriminator;
  else if (discriminator) {
    definition["x-ms-discriminator-value"] = mapper.serializedName;
    definition.allOf = [{ $ref: `#/definitions/${specName(type.uberParent)}` }];
    if (!transcribed.has(specName(type.uberParent))) queue.push(type.uberParent);
  }
  return definition;
}

while (queue.length > 0) {
  const name = queue.shift();
  if (definitions[name]) continue;
  const mapper = byClass.get(name);
  if (!mapper) throw new Error(`no client model ${name}`);
  definitions[name] = definitionOf(mapper);
  // Subtypes of a polymorphic base (found by their uberParent) belong to it.
  for (const sub of byClass.values())
    if (sub.type.uberParent === name && !isBase(sub)) queue.push(sub.type.className);
}

const sorted = Object.fromEntries(Object.entries(definitions).sort(([a], [b]) => a.localeCompare(b)));
const out = "packages/runtime/src/emulator/arm-definitions/supplement-2022-10-01.json";
writeFileSync(
  out,
  `${JSON.stringify(
    {
      _source:
        "Generated by scripts/transcribe-client-mappers.mjs from the models of @azure/arm-machinelearning 2.1.1 (AutoRest output of the 2022-10-01 Azure ML spec): datastores, component and environment versions, which the transcription beside it lacks. Extensible enums are plain strings in those models, so their values are not checked.",
      definitions: sorted,
    },
    null,
    2,
  )}\n`,
);
console.log(`${out}: ${Object.keys(sorted).length} definitions`);
