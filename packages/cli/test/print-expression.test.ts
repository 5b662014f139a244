// The printer that turns expression structures into TypeScript is checked against the JavaScript
// engine itself: what it prints must evaluate back to the value it was given.
import {
  type TsLiteralValue,
  tsArrow,
  tsCall,
  tsChain,
  tsIdentifier,
  tsLiteral,
  tsMember,
  tsObject,
} from "@amlpipe/compiler";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { printExpression } from "../src/import/print-expression.js";

const literalValue: fc.Arbitrary<TsLiteralValue> = fc.letrec<{ value: TsLiteralValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.string({ unit: "binary" }),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(fc.string({ unit: "binary" }), tie("value"), { maxKeys: 4 }),
  ),
})).value;

/** Evaluates printed TypeScript (plain expressions only, so JavaScript can run it). */
function evaluate(text: string, scope: Record<string, unknown> = {}): unknown {
  return new Function(...Object.keys(scope), `return (${text});`)(...Object.values(scope));
}

describe("printExpression", () => {
  it("given any literal value (unicode, quotes, negative zero, odd keys), prints text that evaluates to it", () => {
    fc.assert(
      fc.property(literalValue, (value) => {
        expect(evaluate(printExpression(tsLiteral(value)))).toEqual(value);
      }),
      { numRuns: 300 },
    );
  });

  it("given a key named __proto__ (found by the property above), prints an own property, not a prototype", () => {
    // JSON.parse (as a YAML reader) makes "__proto__" an own key; an object literal would not.
    const literal = JSON.parse('{"__proto__": {"a": 1}, "b": 2}') as TsLiteralValue;
    const printed = evaluate(printExpression(tsLiteral(literal))) as Record<string, unknown>;
    expect(Object.getOwnPropertyNames(printed)).toEqual(["__proto__", "b"]);
    expect(printed).toEqual(literal);
    expect(printExpression(tsObject({ ["__proto__"]: tsLiteral(1) }))).toContain('["__proto__"]');
  });

  it("given non-ASCII text, keeps it as written rather than escaped", () => {
    expect(printExpression(tsLiteral("données été"))).toBe('"données été"');
  });

  it("given a builder chain, prints one call a line that evaluates through the same calls", () => {
    const chain = tsChain(tsCall(tsIdentifier("start"), tsLiteral("a")), [
      ["add", tsObject({ "odd-key": tsLiteral(1), plain: tsMember(tsIdentifier("refs"), "x-y") })],
      ["args", tsArrow(["inputs"], tsMember(tsIdentifier("inputs"), "raw"))],
    ]);
    const text = printExpression(chain);
    expect(text.split("\n")).toHaveLength(3);
    const calls: unknown[] = [];
    const builder = {
      add(v: unknown) {
        calls.push(v);
        return builder;
      },
      args(f: (r: { inputs: { raw: string } }) => unknown) {
        calls.push(f({ inputs: { raw: "R" } }));
        return builder;
      },
    };
    const start = (name: string) => {
      calls.push(name);
      return builder;
    };
    evaluate(text, { start, refs: { "x-y": "XY" } });
    expect(calls).toEqual(["a", { "odd-key": 1, plain: "XY" }, "R"]);
  });
});
