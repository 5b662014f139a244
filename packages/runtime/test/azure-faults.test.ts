import { describe, expect, it } from "vitest";
import type { Fault } from "../src/index.js";
import { submitToAzure } from "../src/index.js";
import { azureSetup, pipelineIR, SUB, submitOptions, submittedJobs, uploadedBlobs } from "./azure-fixture.js";

const KINDS: Fault["kind"][] = ["429", "500", "403", "reset", "lost-response", "async-fail"];

describe("fault injection at every request of a submit", () => {
  it("given a fault at any request, the submit succeeds or fails cleanly, a rerun completes, and nothing is doubled", async () => {
    // Count the requests of a clean submit first.
    const baseline = await azureSetup();
    await submitToAzure(
      pipelineIR(),
      submitOptions(baseline.root, baseline.target(), { submissionId: "s", wait: true }),
    );
    const requests = baseline.emulator.state.requests.length;
    await baseline.emulator.close();
    expect(requests).toBeGreaterThan(20);

    let runs = 0;
    let recovered = 0;
    for (let at = 1; at <= requests; at++) {
      for (const kind of KINDS) {
        const setup = await azureSetup();
        try {
          setup.emulator.injectFaults({ kind, at, retryAfterSeconds: 0 });
          let outcome: "ok" | "failed" = "ok";
          try {
            const report = await submitToAzure(
              pipelineIR(),
              submitOptions(setup.root, setup.target(), { submissionId: "s", wait: true }),
            );
            if (report.diagnostics.some((d) => d.severity === "error") || report.job?.status !== "Completed")
              outcome = "failed";
          } catch (error) {
            // A clean failure: an Error with a message, never a crash of the process.
            expect(error).toBeInstanceOf(Error);
            outcome = "failed";
          }
          if (outcome === "failed") recovered++;
          const rerun = await submitToAzure(
            pipelineIR(),
            submitOptions(setup.root, setup.target(), { submissionId: "s", wait: true }),
          );
          expect(rerun.diagnostics, `fault ${kind} at request ${at}`).toEqual([]);
          expect(rerun.job?.status, `fault ${kind} at request ${at}`).toBe("Completed");
          const ws = setup.emulator.state.workspace(SUB, "rg", "ws1");
          expect(submittedJobs(ws), `fault ${kind} at request ${at}`).toHaveLength(1);
          expect(Object.keys(ws.computes)).toEqual(["cpu-cluster"]);
          expect(
            ws.computes["cpu-cluster"]?.properties.provisioningState,
            `fault ${kind} at request ${at}`,
          ).toBe("Succeeded");
          expect(await uploadedBlobs(setup.emulator), `fault ${kind} at request ${at}`).toHaveLength(3);
          const assets = ws.codes;
          expect(Object.keys(assets), `fault ${kind} at request ${at}`).toHaveLength(2);
          runs++;
        } finally {
          await setup.emulator.close();
        }
      }
    }
    expect(runs).toBe(requests * KINDS.length);
    // Most faults are absorbed by the SDK's retries; a failed long-running operation is not, and recovers on rerun.
    expect(recovered).toBeGreaterThan(0);
  }, 120_000);
});
