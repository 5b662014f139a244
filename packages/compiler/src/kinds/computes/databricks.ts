import { nonEmpty } from "../../schema/definitions/common.js";
import { secretRefSchema } from "../../schema/definitions/secret-ref.js";
import { allOf } from "../steps/step-kind.js";
import { armId, type ComputeIROf, type ComputeKindDef, type SecretKeys } from "./compute-kind.js";

/** An Azure Databricks workspace (usable only inside pipelines). */
export const databricksCompute: ComputeKindDef<"databricks"> = {
  kind: "databricks",
  summary: "an Azure Databricks workspace (usable only inside pipelines)",
  factory: "databricks",
  specKeys: {
    workspace_name: nonEmpty,
    resource_group: nonEmpty,
    subscription_id: nonEmpty,
    access_token: secretRefSchema,
  },
  requiredSpecKeys: ["workspace_name", "resource_group", "access_token"],
  secretFields: allOf<SecretKeys<ComputeIROf<"databricks">>>()("accessToken"),
  defaults: {},
  armResourceId: (c, scope) =>
    armId(
      c.subscriptionId ?? scope.subscriptionId,
      c.resourceGroup,
      "Microsoft.Databricks/workspaces",
      c.workspaceName,
    ),
  placeholder: {
    workspaceName: "TODO",
    resourceGroup: "TODO",
    accessToken: { kind: "env", name: "TODO_DATABRICKS_TOKEN" },
  },
  colour: "#ffe5d0",
};
