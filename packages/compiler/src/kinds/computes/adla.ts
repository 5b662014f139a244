import { described, nonEmpty } from "../../schema/definitions/common.js";
import { armId, type ComputeKindDef } from "./compute-kind.js";
import { SHARED_SPEC_KEYS as shared } from "./shared-spec-keys.js";

/** An Azure Data Lake Analytics account. */
export const adlaCompute: ComputeKindDef<"adla"> = {
  kind: "adla",
  summary: "an Azure Data Lake Analytics account",
  factory: "adla",
  specKeys: {
    account_name: shared.account_name,
    resource_group: shared.resource_group,
    subscription_id: shared.subscription_id,
    default_datastore: described(
      "the account's default Data Lake Store, as a datastore name (an adls_gen1 datastore)",
      nonEmpty,
    ),
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
