/**
 * A TypeScript expression as data: what step and compute kinds describe for `amlpipe import`, which
 * prints it through ts-morph. Building code as a structure (not as text) keeps quoting and escaping in
 * one printer.
 */
export type TsExpression =
  | { readonly kind: "literal"; readonly value: TsLiteralValue }
  | { readonly kind: "identifier"; readonly name: string }
  | { readonly kind: "member"; readonly object: TsExpression; readonly name: string }
  | { readonly kind: "call"; readonly callee: TsExpression; readonly args: readonly TsExpression[] }
  | { readonly kind: "object"; readonly entries: readonly (readonly [string, TsExpression])[] }
  | { readonly kind: "array"; readonly items: readonly TsExpression[] }
  /** `({ a, b }) => body`: a callback over destructured names. */
  | { readonly kind: "arrow"; readonly params: readonly string[]; readonly body: TsExpression }
  /** `base.m1(...).m2(...)`, printed one call a line: a builder chain. */
  | {
      readonly kind: "chain";
      readonly base: TsExpression;
      readonly calls: readonly { readonly method: string; readonly args: readonly TsExpression[] }[];
    }
  /** An expression copied from the user's own file (by `--fix`), kept as it was written. */
  | { readonly kind: "verbatim"; readonly text: string };

/** A plain value written as a literal (objects and arrays of plain values included). */
export type TsLiteralValue =
  | string
  | number
  | boolean
  | null
  | readonly TsLiteralValue[]
  | { readonly [key: string]: TsLiteralValue };

/** `value` as a literal expression. */
export function tsLiteral(value: TsLiteralValue): TsExpression {
  return { kind: "literal", value };
}

/** An identifier (a const of the generated file, an imported name). */
export function tsIdentifier(name: string): TsExpression {
  return { kind: "identifier", name };
}

/** `object.name` (printed as `object["name"]` when the name is not an identifier). */
export function tsMember(object: TsExpression, name: string): TsExpression {
  return { kind: "member", object, name };
}

/** `callee(...args)`. */
export function tsCall(callee: TsExpression, ...args: readonly TsExpression[]): TsExpression {
  return { kind: "call", callee, args };
}

/** An object literal; entries whose value is undefined are left out. */
export function tsObject(entries: Readonly<Record<string, TsExpression | undefined>>): TsExpression {
  return {
    kind: "object",
    entries: Object.entries(entries).flatMap(([key, value]) =>
      value === undefined ? [] : [[key, value] as const],
    ),
  };
}

/** Literal expressions for plain values; undefined values stay undefined (and are left out). */
export function tsLiterals(
  values: Readonly<Record<string, TsLiteralValue | undefined>>,
): Record<string, TsExpression | undefined> {
  return Object.fromEntries(
    Object.entries(values).map(([key, value]) => [key, value === undefined ? undefined : tsLiteral(value)]),
  );
}

/** `({ params }) => body`. */
export function tsArrow(params: readonly string[], body: TsExpression): TsExpression {
  return { kind: "arrow", params, body };
}

/** A builder chain on `base`, one call per `[method, ...args]`. */
export function tsChain(
  base: TsExpression,
  calls: readonly (readonly [string, ...TsExpression[]])[],
): TsExpression {
  return { kind: "chain", base, calls: calls.map(([method, ...args]) => ({ method, args })) };
}

/** An array of expressions. */
export function tsArray(items: readonly TsExpression[]): TsExpression {
  return { kind: "array", items };
}
