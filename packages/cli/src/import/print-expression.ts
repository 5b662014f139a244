import type { TsExpression, TsLiteralValue } from "@amlpipe/compiler";
import { ts } from "ts-morph";

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const f = ts.factory;
/** Non-ASCII text stays as written (the default printer would escape it as \\uXXXX). */
const printer = ts.createPrinter({ neverAsciiEscape: true } as ts.PrinterOptions);
const blank = ts.createSourceFile("expression.ts", "", ts.ScriptTarget.Latest);

function propertyName(key: string): ts.PropertyName {
  // `__proto__: x` (or "__proto__": x) in an object literal sets the prototype; a computed key makes
  // the own property the YAML had.
  if (key === "__proto__") return f.createComputedPropertyName(f.createStringLiteral(key));
  return IDENTIFIER.test(key) ? f.createIdentifier(key) : f.createStringLiteral(key);
}

function literalNode(value: TsLiteralValue): ts.Expression {
  if (value === null) return f.createNull();
  if (typeof value === "boolean") return value ? f.createTrue() : f.createFalse();
  if (typeof value === "number")
    return value < 0 || Object.is(value, -0)
      ? f.createPrefixUnaryExpression(ts.SyntaxKind.MinusToken, f.createNumericLiteral(String(-value)))
      : f.createNumericLiteral(String(value));
  if (typeof value === "string") return f.createStringLiteral(value);
  if (Array.isArray(value)) return f.createArrayLiteralExpression(value.map(literalNode));
  const record = value as { readonly [key: string]: TsLiteralValue };
  return f.createObjectLiteralExpression(
    Object.entries(record)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => f.createPropertyAssignment(propertyName(k), literalNode(v))),
  );
}

/** A {@link TsExpression} as a TypeScript AST node (chains are laid out by {@link printExpression}). */
function toNode(expression: TsExpression): ts.Expression {
  switch (expression.kind) {
    case "literal":
      return literalNode(expression.value);
    case "identifier":
    case "verbatim":
      return f.createIdentifier(expression.kind === "identifier" ? expression.name : expression.text);
    case "member":
      return IDENTIFIER.test(expression.name)
        ? f.createPropertyAccessExpression(toNode(expression.object), expression.name)
        : f.createElementAccessExpression(toNode(expression.object), f.createStringLiteral(expression.name));
    case "call":
      return f.createCallExpression(toNode(expression.callee), undefined, expression.args.map(toNode));
    case "object":
      return f.createObjectLiteralExpression(
        expression.entries.map(([key, value]) =>
          f.createPropertyAssignment(propertyName(key), toNode(value)),
        ),
      );
    case "array":
      return f.createArrayLiteralExpression(expression.items.map(toNode));
    case "arrow":
      return f.createArrowFunction(
        undefined,
        undefined,
        expression.params.length === 0
          ? []
          : [
              f.createParameterDeclaration(
                undefined,
                undefined,
                f.createObjectBindingPattern(
                  expression.params.map((p) => f.createBindingElement(undefined, undefined, p)),
                ),
              ),
            ],
        undefined,
        f.createToken(ts.SyntaxKind.EqualsGreaterThanToken),
        toNode(expression.body),
      );
    case "chain":
      return expression.calls.reduce(
        (object, call) =>
          f.createCallExpression(
            f.createPropertyAccessExpression(object, call.method),
            undefined,
            call.args.map(toNode),
          ),
        toNode(expression.base),
      );
  }
}

function printNode(expression: TsExpression): string {
  return printer.printNode(ts.EmitHint.Expression, toNode(expression), blank);
}

/**
 * A {@link TsExpression} as TypeScript text, printed by the TypeScript printer from an AST (never
 * from a template). A builder chain gets one call a line, as a person would write it; ts-morph then
 * formats the whole file.
 */
export function printExpression(expression: TsExpression): string {
  if (expression.kind !== "chain") return printNode(expression);
  return [
    printNode(expression.base),
    ...expression.calls.map((call) => {
      const printed = printNode({
        kind: "call",
        callee: { kind: "identifier", name: call.method },
        args: call.args,
      });
      return `.${printed}`;
    }),
  ].join("\n");
}
