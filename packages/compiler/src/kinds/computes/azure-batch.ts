import { nonEmpty } from "../../schema/definitions/common.js";
import { armId, type ComputeKindDef } from "./compute-kind.js";

/** An Azure Batch account. */
export const azureBatchCompute: ComputeKindDef<"azure_batch"> = {
  kind: "azure_batch",
  summary: "an Azure Batch account",
  factory: "azureBatch",
  specKeys: { account_name: nonEmpty, resource_group: nonEmpty, subscription_id: nonEmpty },
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
