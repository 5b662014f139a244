/** A Swagger 2.0 definition as the transcriptions hold it (types, required, enums, allOf, discriminators). */
export interface SwaggerDefinition {
  readonly type?: string;
  readonly properties?: Readonly<Record<string, SwaggerDefinition>>;
  readonly required?: readonly string[];
  readonly allOf?: readonly { readonly $ref: string }[];
  readonly additionalProperties?: boolean | SwaggerDefinition;
  readonly discriminator?: string;
  readonly "x-ms-discriminator-value"?: string;
  readonly $ref?: string;
  readonly enum?: readonly string[];
  readonly items?: SwaggerDefinition;
  readonly [key: string]: unknown;
}

type Definitions = Readonly<Record<string, SwaggerDefinition>>;
type JsonSchema = Record<string, unknown>;

const refName = (ref: string): string => ref.replace("#/definitions/", "");
/** The JSON Schema entry of a definition as declared (no polymorphism): `<name>.flat`. */
const flatRef = (name: string): string => `#/definitions/${name}.flat`;

/** Swagger keywords JSON Schema does not know (or that Swagger means differently) are dropped. */
const DROPPED = new Set(["discriminator", "x-ms-discriminator-value", "format", "readOnly", "allOf"]);

function convertSchema(schema: SwaggerDefinition): JsonSchema {
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (DROPPED.has(key)) continue;
    if (key === "properties")
      out.properties = Object.fromEntries(
        Object.entries(value as Record<string, SwaggerDefinition>).map(([k, v]) => [k, convertSchema(v)]),
      );
    else if (key === "items" || (key === "additionalProperties" && typeof value === "object"))
      out[key] = convertSchema(value as SwaggerDefinition);
    else out[key] = value;
  }
  return out;
}

/** Own and inherited (allOf) properties and required names of a definition, as AutoRest models them. */
function flatten(definitions: Definitions, name: string): { properties: JsonSchema; required: string[] } {
  const definition = definitions[name];
  if (!definition) throw new Error(`no definition ${name}`);
  const properties: JsonSchema = {};
  const required = new Set<string>();
  for (const parent of definition.allOf ?? []) {
    const inherited = flatten(definitions, refName(parent.$ref));
    Object.assign(properties, inherited.properties);
    for (const r of inherited.required) required.add(r);
  }
  Object.assign(properties, convertSchema({ properties: definition.properties ?? {} }).properties);
  for (const r of definition.required ?? []) required.add(r);
  return { properties, required: [...required] };
}

/** Every definition that inherits (directly or not) from `base` and names a discriminator value. */
function subtypesOf(definitions: Definitions, base: string): { name: string; value: string }[] {
  const inherits = (name: string): boolean =>
    (definitions[name]?.allOf ?? []).some((p) => refName(p.$ref) === base || inherits(refName(p.$ref)));
  return Object.entries(definitions).flatMap(([name, d]) =>
    d["x-ms-discriminator-value"] !== undefined && inherits(name)
      ? [{ name, value: d["x-ms-discriminator-value"] }]
      : [],
  );
}

/**
 * The JSON Schema of a polymorphic base: the discriminator picks the subtype (Swagger 2.0's
 * `discriminator` with `x-ms-discriminator-value`); a value with no subtype is checked as the base,
 * and must be one the base's discriminator enum allows (or, with no enum, a known subtype's value).
 */
function polymorphic(definitions: Definitions, name: string, discriminator: string): JsonSchema {
  const subtypes = subtypesOf(definitions, name);
  const values = subtypes.map((s) => s.value);
  const declared = flatten(definitions, name).properties[discriminator] as JsonSchema | undefined;
  // No subtype known means no list to check the value against (an empty enum would refuse everything).
  const allowed =
    declared?.enum !== undefined || declared?.$ref !== undefined || values.length === 0 ? undefined : values;
  return {
    type: "object",
    required: [discriminator],
    ...(allowed ? { properties: { [discriminator]: { enum: allowed } } } : {}),
    allOf: [
      ...subtypes.map((s) => ({
        if: { properties: { [discriminator]: { const: s.value } }, required: [discriminator] },
        then: { $ref: flatRef(s.name) },
      })),
      values.length === 0
        ? { $ref: flatRef(name) }
        : {
            if: { properties: { [discriminator]: { not: { enum: values } } } },
            then: { $ref: flatRef(name) },
          },
    ],
  };
}

/**
 * Swagger 2.0 definitions as one JSON Schema (draft-07) document: `#/definitions/<Name>` is what a
 * `$ref` to that name means in Swagger (polymorphic bases dispatch on their discriminator), and
 * `#/definitions/<Name>.flat` the definition with its inherited properties and required names merged,
 * so that `additionalProperties: false` sees the inherited ones, as AutoRest and the service do.
 * `format` and `readOnly` are not checked (the service ignores read-only properties in a PUT).
 */
export function swaggerToJsonSchema(definitions: Definitions): JsonSchema {
  const out: Record<string, JsonSchema> = {};
  for (const [name, definition] of Object.entries(definitions)) {
    const { properties, required } = flatten(definitions, name);
    const own = convertSchema(definition);
    delete own.properties;
    delete own.required;
    out[`${name}.flat`] = {
      ...own,
      ...(definition.type === undefined && Object.keys(properties).length > 0 ? { type: "object" } : {}),
      ...(Object.keys(properties).length > 0 ? { properties } : {}),
      ...(required.length > 0 ? { required } : {}),
    };
    out[name] = definition.discriminator
      ? polymorphic(definitions, name, definition.discriminator)
      : { $ref: flatRef(name) };
  }
  return { $schema: "http://json-schema.org/draft-07/schema#", definitions: out };
}
