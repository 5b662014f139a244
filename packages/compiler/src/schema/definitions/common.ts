/** Base of every schema id; the files are shipped in `@amlpipe/compiler/schemas/`. */
export const SCHEMA_BASE = "https://amlpipe.dev/schemas/";

/** JSON Schema draft 2020-12 meta-schema URL. */
export const DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";

/** A plain string. */
export const str = { type: "string" } as const;
/** A non-empty string. */
export const nonEmpty = { type: "string", minLength: 1 } as const;
/** A boolean. */
export const bool = { type: "boolean" } as const;
/** A whole number. */
export const int = { type: "integer" } as const;
/** A list of strings. */
export const strings = { type: "array", items: { type: "string" } } as const;
/** A map of strings. */
export const stringMap = { type: "object", additionalProperties: { type: "string" } } as const;
/** A string or null (keys the SDK loader needs present even when empty). */
export const strOrNull = { type: ["string", "null"] } as const;

/** A schema with the description editors show on hover. */
export const described = <S extends object>(description: string, schema: S) =>
  ({ ...schema, description }) as const;

/**
 * A key the Azure ML loader ignores or only tolerates; editors show it as deprecated. JSON Schema's
 * `deprecated` is for tools that read the standard; VS Code and yaml-language-server read
 * `deprecationMessage` (a warning at the key) and `doNotSuggest` (left out of completion) instead.
 */
export const deprecated = (description: string, schema: object = {}) =>
  ({
    ...schema,
    deprecated: true,
    description,
    deprecationMessage: description,
    doNotSuggest: true,
  }) as const;
