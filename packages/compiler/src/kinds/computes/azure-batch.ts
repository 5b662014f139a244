import { armId, type ComputeKindDef } from "./compute-kind.js";
import { SHARED_SPEC_KEYS as shared } from "./shared-spec-keys.js";

/** An Azure Batch account. */
export const azureBatchCompute: ComputeKindDef<"azure_batch"> = {
  kind: "azure_batch",
  summary: "an Azure Batch account",
  factory: "azureBatch",
  specKeys: {
    account_name: shared.account_name,
    resource_group: shared.resource_group,
    subscription_id: shared.subscription_id,
  },
  requiredSpecKeys: ["account_name", "resource_group"],
  secretFields: [],
  defaults: {},
  armResourceId: (c, scope) =>
    armId(
      c.subscriptionId ?? scope.subscriptionId,
      c.resourceGroup,
      "Microsoft.Batch/batchAccounts",
      c.accountName,
    ),
  placeholder: { accountName: "TODO", resourceGroup: "TODO" },
  colour: "#f8d7da",
};
