import { nonEmpty } from "../../schema/definitions/common.js";
import { armId, type ComputeKindDef } from "./compute-kind.js";

/** An Azure Data Lake Analytics account. */
export const adlaCompute: ComputeKindDef<"adla"> = {
  kind: "adla",
  summary: "an Azure Data Lake Analytics account",
  factory: "adla",
  specKeys: {
    account_name: nonEmpty,
    resource_group: nonEmpty,
    subscription_id: nonEmpty,
    default_datastore: nonEmpty,
  },
  requiredSpecKeys: ["account_name", "resource_group", "default_datastore"],
  secretFields: [],
  defaults: {},
  armResourceId: (c, scope) =>
    armId(
      c.subscriptionId ?? scope.subscriptionId,
      c.resourceGroup,
      "Microsoft.DataLakeAnalytics/accounts",
      c.accountName,
    ),
  placeholder: { accountName: "TODO", resourceGroup: "TODO", defaultDatastore: "TODO_default_store" },
  colour: "#e2d9f3",
};
