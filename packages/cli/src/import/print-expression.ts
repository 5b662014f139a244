import type { TsExpression } from "@amlpipe/compiler";
import { literal } from "./identifiers.js";

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * A {@link TsExpression} as TypeScript text, for the generated file's initialisers (ts-morph then
 * formats the whole file). The one place where expression structures become text.
 */
export function printExpression(expression: TsExpression): string {
  switch (expression.kind) {
    case "literal":
      return literal(expression.value);
    case "identifier":
      return expression.name;
    case "member": {
      const object = printExpression(expression.object);
      return IDENTIFIER.test(expression.name)
        ? `${object}.${expression.name}`
        : `${object}[${literal(expression.name)}]`;
    }
    case "call":
      return `${printExpression(expression.callee)}(${expression.args.map(printExpression).join(", ")})`;
    case "object":
      return expression.entries.length === 0
        ? "{}"
        : `{ ${expression.entries.map(([key, value]) => `${IDENTIFIER.test(key) ? key : literal(key)}: ${printExpression(value)}`).join(", ")} }`;
    case "array":
      return `[${expression.items.map(printExpression).join(", ")}]`;
  }
}
