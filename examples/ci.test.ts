import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

describe("examples/ci/github-actions.yml", () => {
  const workflow = parse(readFileSync(new URL("./ci/github-actions.yml", import.meta.url), "utf8"));

  it("given the workflow, installs, validates with annotations, compiles and uploads the compiled directory", () => {
    const runs = workflow.jobs.compile.steps.map((s: { run?: string; uses?: string }) => s.run ?? s.uses);
    expect(runs.some((r: string) => r.includes("install --frozen-lockfile"))).toBe(true);
    expect(runs.some((r: string) => r.includes("amlpipe validate") && r.includes("--format github"))).toBe(
      true,
    );
    expect(runs.some((r: string) => r.includes("amlpipe compile"))).toBe(true);
    expect(runs).toContain("actions/upload-artifact@v4");
  });

  it("given the workflow, submits on main only, signing in with OIDC", () => {
    expect(workflow.permissions["id-token"]).toBe("write");
    expect(workflow.jobs.submit.if).toContain("refs/heads/main");
    const steps = workflow.jobs.submit.steps;
    expect(steps.some((s: { uses?: string }) => s.uses === "azure/login@v2")).toBe(true);
    expect(steps.some((s: { run?: string }) => s.run?.includes("amlpipe submit"))).toBe(true);
  });
});
