import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { SCHEMAS } from "../src/schema/schema-registry.js";
import { validateDocument } from "../src/schema/validate-document.js";

describe("shipped JSON Schemas", () => {
  it("given the definitions, the committed schemas/*.json files match them (run `pnpm build` on drift)", () => {
    for (const [name, schema] of Object.entries(SCHEMAS)) {
      const shipped = JSON.parse(readFileSync(new URL(`../schemas/${name}`, import.meta.url), "utf8"));
      expect(shipped, name).toEqual(schema);
    }
  });

  it("given a pipeline whose step lacks script_name, the pipeline schema rejects it at that step", () => {
    const violations = validateDocument("pipeline.v1.schema.json", {
      pipeline: { name: "p", steps: { a: { type: "PythonScriptStep", name: "a" } } },
    });
    expect(violations.map((v) => v.instancePath)).toContain("/pipeline/steps/a");
    expect(violations.map((v) => v.message).join()).toContain("script_name");
  });

  it("given an unknown step key, the pipeline schema rejects it", () => {
    const violations = validateDocument("pipeline.v1.schema.json", {
      pipeline: { steps: { a: { type: "PythonScriptStep", script_name: "x.py", comptue: "c" } } },
    });
    expect(violations).toContainEqual(
      expect.objectContaining({
        instancePath: "/pipeline/steps/a",
        message: 'property name must be valid ("comptue")',
      }),
    );
  });

  it("given a key of another step kind (which the loader drops), the pipeline schema rejects it; valid steps before it do not hide it", () => {
    const violations = validateDocument("pipeline.v1.schema.json", {
      pipeline: {
        steps: {
          a: { type: "PythonScriptStep", script_name: "x.py" },
          b: { type: "AzureBatchStep", executable: "run.sh", script_name: "x.py" },
        },
      },
    });
    expect(violations.map((v) => v.instancePath)).toContain("/pipeline/steps/b");
    expect(violations.map((v) => v.instancePath)).not.toContain("/pipeline/steps/a");
  });

  it("given a compute spec with a plain password, the compute schema rejects it", () => {
    const violations = validateDocument("compute.schema.json", {
      compute: {
        name: "vm",
        kind: "remote_vm",
        resource_id: "/subscriptions/s/resourceGroups/r/providers/Microsoft.Compute/virtualMachines/v",
        ssh_port: 22,
        username: "u",
        password: "hunter2",
      },
    });
    expect(violations.map((v) => v.instancePath)).toContain("/compute/password");
  });

  it("given a valid manifest, the manifest schema accepts it", () => {
    expect(
      validateDocument("manifest.schema.json", {
        tool: { name: "amlpipe", version: "0.1.0" },
        target: "v1",
        irVersion: 1,
        pipeline: "p",
        files: { "pipeline.yaml": "a".repeat(64) },
        schedules: [],
        steps: { a: { file: "p.ts", line: 1, col: 1 } },
        source: { file: "p.ts", line: 1, col: 1 },
      }),
    ).toEqual([]);
  });
});

describe("precompiled validators", () => {
  it("given the definitions, the committed generated/validators.ts matches them (run `pnpm build` on drift)", async () => {
    const { validatorSource } = await import("../scripts/validator-source.mjs");
    const committed = readFileSync(new URL("../src/schema/generated/validators.ts", import.meta.url), "utf8");
    expect(committed === validatorSource(SCHEMAS)).toBe(true);
  });

  it("given every registered schema, a precompiled validator answers for it", () => {
    for (const name of Object.keys(SCHEMAS) as (keyof typeof SCHEMAS)[]) {
      expect(validateDocument(name, 42).length, name).toBeGreaterThan(0);
    }
  });
});

describe("the shipped schemas accept the documented format's looseness", () => {
  const docsDir = new URL("./fixtures/docs/", import.meta.url);
  for (const file of readdirSync(docsDir).filter((f) => f.endsWith(".yaml"))) {
    it(`given the reference page's ${file}, its schema accepts it as written (editors show no error)`, () => {
      const document = parse(readFileSync(new URL(file, docsDir), "utf8"));
      const schema = file.startsWith("schedule") ? "schedule.schema.json" : "pipeline.v1.schema.json";
      expect(validateDocument(schema, document)).toEqual([]);
    });
  }

  it("given quoted numbers and booleans where the loader checks the type, the pipeline schema refuses them, as the loader does", () => {
    const step = (extra: object) => ({
      pipeline: {
        default_compute: "adla",
        steps: { a: { type: "AdlaStep", script_name: "s.usql", ...extra } },
      },
    });
    expect(validateDocument("pipeline.v1.schema.json", step({ priority: 3, allow_reuse: true }))).toEqual([]);
    const violations = validateDocument(
      "pipeline.v1.schema.json",
      step({ priority: "3", allow_reuse: "True" }),
    );
    expect(violations.map((v) => v.instancePath)).toEqual(
      expect.arrayContaining(["/pipeline/steps/a/priority", "/pipeline/steps/a/allow_reuse"]),
    );
  });

  it("given parameter defaults, the pipeline schema takes what the loader's conversion reads as meant", () => {
    const withDefault = (type: string, value: unknown) =>
      validateDocument("pipeline.v1.schema.json", {
        pipeline: { parameters: { p: { type, default: value } }, steps: {} },
      }).length === 0;
    expect([withDefault("int", "3"), withDefault("float", " 1e3 "), withDefault("bool", false)]).toEqual([
      true,
      true,
      true,
    ]);
    // bool("false") is true and int(2.5) is 2: the loader loads both, but not as written.
    expect([withDefault("bool", "false"), withDefault("int", 2.5), withDefault("float", "x")]).toEqual([
      false,
      false,
      false,
    ]);
  });
});

describe("every shipped schema rejects what amlpipe must never write", () => {
  const cases: [keyof typeof SCHEMAS, unknown, string][] = [
    ["runconfig.schema.json", { framework: "R", environment: { name: "e" } }, "/framework"],
    ["runconfig.schema.json", { framework: "Python" }, ""],
    ["datastore.schema.json", { datastore: { name: "d", kind: "floppy" } }, "/datastore/kind"],
    ["parallel-run-config.schema.json", { mini_batch_size: "1MB" }, ""],
    [
      "parallel-run-config.schema.json",
      {
        parallel_run_config: {
          entry_script: "s.py",
          compute_target_name: "cpu",
          environment: { name: "e" },
          output_action: "print",
          error_threshold: -1,
          node_count: 1,
        },
      },
      "/parallel_run_config/output_action",
    ],
    [
      "schedule.schema.json",
      { Schedule: { recurrence: { frequency: "Fortnight" } } },
      "/Schedule/recurrence",
    ],
    ["schedule.schema.json", { Schedule: { wait_timeout: "soon" } }, "/Schedule/wait_timeout"],
    ["manifest.schema.json", { tool: { name: "other", version: "1" } }, "/tool/name"],
    ["compute.schema.json", { compute: { name: "c", kind: "mainframe" } }, "/compute/kind"],
    [
      "pipeline.v1.schema.json",
      { pipeline: { steps: { a: { type: "AutoMLStep" } } } },
      "/pipeline/steps/a/type",
    ],
    [
      "pipeline.v1.schema.json",
      { pipeline: { parameters: { p: { type: "date" } } } },
      "/pipeline/parameters/p/type",
    ],
  ];
  for (const [schema, document, path] of cases) {
    it(`given ${JSON.stringify(document)}, ${schema} rejects it at "${path || "/"}"`, () => {
      const violations = validateDocument(schema, document);
      expect(violations.length).toBeGreaterThan(0);
      expect(violations.map((v) => v.instancePath)).toContain(path);
    });
  }
});

describe("editor hover text", () => {
  /** Schema keywords whose value is a schema, or a list or map of schemas; `if` is left out on purpose. */
  const SUBSCHEMA = new Set(["items", "additionalProperties", "then", "else", "not", "contains"]);
  const SUBSCHEMAS = new Set(["oneOf", "anyOf", "allOf", "prefixItems"]);

  /** Every property of `schema` (at any depth, through its subschemas) that has no description. */
  function undescribed(schema: unknown, path: string, missing: string[] = []): string[] {
    if (schema === null || typeof schema !== "object" || Array.isArray(schema)) return missing;
    const record = schema as Record<string, unknown>;
    for (const [key, value] of Object.entries((record.properties ?? {}) as Record<string, unknown>)) {
      if (typeof value === "object" && value !== null && !("description" in value))
        missing.push(`${path}/${key}`);
      undescribed(value, `${path}/${key}`, missing);
    }
    for (const [keyword, value] of Object.entries(record)) {
      if (SUBSCHEMA.has(keyword)) undescribed(value, `${path}/${keyword}`, missing);
      if (SUBSCHEMAS.has(keyword) && Array.isArray(value))
        for (const [i, item] of value.entries()) undescribed(item, `${path}/${keyword}[${i}]`, missing);
      if (keyword === "$defs")
        for (const [name, item] of Object.entries(value as Record<string, unknown>))
          undescribed(item, `${path}/$defs/${name}`, missing);
    }
    return missing;
  }

  it("given a property without a description deep in a oneOf, the walk finds it", () => {
    const schema = { properties: { a: { description: "x", oneOf: [{ properties: { b: {} } }] } } };
    expect(undescribed(schema, "")).toEqual(["/a/oneOf[0]/b"]);
  });

  it.each([
    "pipeline.v1.schema.json",
    "schedule.schema.json",
    "compute.schema.json",
    "datastore.schema.json",
    "runconfig.schema.json",
    "parallel-run-config.schema.json",
    "manifest.schema.json",
    "pipeline-job.v2.schema.json",
    "training-job.v2.schema.json",
  ] as const)(
    "given %s, every property an editor shows has a description (if-conditions aside)",
    async (name) => {
      const { SCHEMAS } = await import("../src/schema/schema-registry.js");
      expect(undescribed(SCHEMAS[name], "")).toEqual([]);
    },
  );

  it("given the shipped schemas, each is in the list above", async () => {
    const { SCHEMAS } = await import("../src/schema/schema-registry.js");
    expect(Object.keys(SCHEMAS).length).toBe(9);
  });
});
