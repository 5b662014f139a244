import { diagnostic } from "../diagnostics/diagnostic.js";
import type { ComputeIR } from "../ir/compute.js";
import { isExistingCompute } from "../kinds/computes/index.js";
import { at, vm } from "./example-pipeline.js";
import type { Rule } from "./rule.js";

/**
 * AP312: a remote VM or HDInsight attachment needs a password or an SSH private key (the compute-target
 * documentation: "you must provide either a password or an SSH key"); with neither, the attach fails.
 */
/** The examples' VM with its password taken away. */
function vmWithoutPassword(): ComputeIR {
  const { password: _, ...rest } = vm(
    "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/v",
  ) as ComputeIR & { password?: unknown };
  return rest as ComputeIR;
}

export const sshCredentialsRule: Rule = {
  code: "AP312",
  examples: {
    fires: [
      {
        what: "a VM with a user name and no password or private key",
        line: 9,
        mutate: (ir) => ({ ...ir, computes: [...ir.computes, vmWithoutPassword()] }),
      },
    ],
    passes: [
      {
        what: "a VM with a private key only",
        mutate: (ir) => ({
          ...ir,
          computes: [
            ...ir.computes,
            { ...vmWithoutPassword(), privateKey: { kind: "env", name: "KEY" } } as ComputeIR,
          ],
        }),
      },
      {
        what: "an existing HDInsight cluster (its credentials are the workspace's)",
        mutate: (ir) => ({
          ...ir,
          computes: [...ir.computes, { kind: "hdinsight", name: "hdi", existing: true, source: at(9) }],
        }),
      },
    ],
  },
  check(ir) {
    return ir.computes.flatMap((c) => {
      if ((c.kind !== "remote_vm" && c.kind !== "hdinsight") || isExistingCompute(c)) return [];
      if (c.password || c.privateKey) return [];
      return [
        diagnostic("AP312", `compute "${c.name}" (${c.kind}) has neither a password nor an SSH private key`, {
          at: c.source,
          hint: 'give password: secret.env("VM_PASSWORD") or privateKey: secret.keyVault(vault, name)',
        }),
      ];
    });
  },
};
