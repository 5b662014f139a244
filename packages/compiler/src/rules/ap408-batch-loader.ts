import { diagnostic } from "../diagnostics/diagnostic.js";
import { batchStep } from "./ap401-batch-pool.js";
import type { Rule } from "./rule.js";

/** What a Windows pool can run. */
const WINDOWS_EXECUTABLE = /\.(cmd|bat|exe|ps1)$/i;
/** The image the SDK v1 gives a pool it creates (`_AzureBatchStepBase`'s default). */
const SDK_DEFAULT_IMAGE = "urn:MicrosoftWindowsServer:WindowsServer:2012-R2-Datacenter";

/**
 * AP408: AzureBatchStep settings the SDK v1 loader does not pass on. It reads `vm_image_urn` but
 * builds the step without it, so a pool the step creates runs the SDK's default image, Windows Server
 * 2012 R2: a warning when an image is given, an error when that pool cannot run the executable.
 */
export const batchLoaderRule: Rule = {
  code: "AP408",
  examples: {
    fires: [
      {
        what: "a pool to create for a bash script (it would run Windows)",
        line: 9,
        mutate: (ir) => batchStep(ir, { createPool: true, executable: "score.sh" }),
      },
      {
        what: "an image the loader ignores",
        line: 9,
        severity: "warning",
        mutate: (ir) => batchStep(ir, { vmImageUrn: "urn:canonical:ubuntuserver:22.04" }),
      },
    ],
    passes: [
      {
        what: "a bash script on an existing pool",
        mutate: (ir) => batchStep(ir, { executable: "score.sh" }),
      },
    ],
  },
  check(ir) {
    return ir.steps.flatMap((s) => {
      if (s.type !== "AzureBatchStep") return [];
      const found = [];
      if (s.createPool && !WINDOWS_EXECUTABLE.test(s.executable))
        found.push(
          diagnostic(
            "AP408",
            `AzureBatchStep "${s.key}" creates its pool, which the SDK v1 loader makes with ${SDK_DEFAULT_IMAGE} (it ignores vm_image_urn): "${s.executable}" cannot run there`,
            {
              at: s.source,
              hint: "run it on an existing pool whose image runs it (createPool: false), or use a Windows executable (.cmd, .exe)",
            },
          ),
        );
      if (s.vmImageUrn !== undefined)
        found.push(
          diagnostic(
            "AP408",
            `AzureBatchStep "${s.key}" sets vmImageUrn "${s.vmImageUrn}", which the SDK v1 loader reads but does not pass to the step${s.createPool ? `: the pool gets ${SDK_DEFAULT_IMAGE}` : ""}`,
            {
              at: s.source,
              hint: "remove vmImageUrn; to choose the image, create the pool yourself and name it with poolId",
              severity: "warning",
            },
          ),
        );
      return found;
    });
  },
};
