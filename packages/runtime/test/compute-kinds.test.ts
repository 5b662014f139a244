// Each compute kind is defined once in the compiler (COMPUTE_KINDS) and once here (ARM_COMPUTE_KINDS):
// these check the two halves agree where they meet.
import { armResourceIdOf, COMPUTE_KINDS, type ComputeIR } from "@amlpipe/compiler";
import { compute as dsl } from "@amlpipe/dsl";
import { describe, expect, it } from "vitest";
import { ARM_COMPUTE_KINDS, ARM_SECRET_PROPERTIES } from "../src/azure/arm-compute-kinds.js";
import { computeBody } from "../src/azure/compute-body.js";
import { ALL_COMPUTES } from "./azure-fixture.js";

const scope = { subscriptionId: "sub-1", resourceGroup: "ml-rg" };
const env = { DATABRICKS_TOKEN: "dapi-not-a-real-token", VM_PASSWORD: "not-a-real-password" };

describe("compute kinds", () => {
  it("given every attachable compute, the attach body's resource id is the compiler's (the one AP304 compares)", () => {
    let attached = 0;
    for (const c of ALL_COMPUTES) {
      const planned = computeBody(c, scope, env);
      if ("refused" in planned) continue;
      attached++;
      expect(planned.resourceKey).toBe(armResourceIdOf(c, scope)?.toLowerCase());
      expect(planned.body.properties?.computeType).toBe(
        (ARM_COMPUTE_KINDS[c.kind] as { computeType?: string }).computeType,
      );
    }
    expect(attached).toBeGreaterThanOrEqual(8);
  });

  it("given each compute kind's DSL factory, it makes a compute of that kind", () => {
    for (const [kind, def] of Object.entries(COMPUTE_KINDS)) {
      const factory = dsl[def.factory] as (name: string, settings?: unknown) => { kind: string };
      expect(factory("x", {}).kind).toBe(kind);
    }
  });

  it("given a compute with secrets, the attach body carries them only under the ARM secret properties", () => {
    const withSecrets: ComputeIR[] = ALL_COMPUTES.filter(
      (c) => c.kind !== "unknown" && COMPUTE_KINDS[c.kind].secretFields.length > 0,
    );
    expect(withSecrets.length).toBeGreaterThan(0);
    for (const c of withSecrets) {
      const planned = computeBody(c, scope, env);
      if ("refused" in planned) throw new Error(planned.refused);
      const found: string[] = [];
      JSON.stringify(planned.body, (key, value) => {
        if (typeof value === "string" && Object.values(env).includes(value)) found.push(key);
        return value;
      });
      expect(found.length).toBeGreaterThan(0);
      expect(found.filter((key) => !ARM_SECRET_PROPERTIES.includes(key))).toEqual([]);
    }
  });
});

describe("comparing attached settings", () => {
  it("given durations written another way (PT120S, PT2M), they are the same setting; other strings compare without case", async () => {
    const { sameSettings, durationSeconds } = await import("../src/azure/plan-attach.js");
    expect(durationSeconds("PT2M")).toBe(120);
    expect(durationSeconds("PT1H30M")).toBe(5400);
    expect(durationSeconds("P1DT1S")).toBe(86401);
    expect(durationSeconds("STANDARD_D2_V2")).toBeUndefined();
    expect(
      sameSettings(
        { scaleSettings: { nodeIdleTimeBeforeScaleDown: "PT120S" } },
        { scaleSettings: { nodeIdleTimeBeforeScaleDown: "PT2M" } },
      ),
    ).toBe(true);
    expect(sameSettings({ idle: "PT120S" }, { idle: "PT3M" })).toBe(false);
    expect(sameSettings({ vmSize: "standard_d2_v2" }, { vmSize: "STANDARD_D2_V2" })).toBe(true);
  });
});
