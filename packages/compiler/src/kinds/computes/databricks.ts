import { described, nonEmpty } from "../../schema/definitions/common.js";
import { secretRefSchema } from "../../schema/definitions/secret-ref.js";
import { allOf } from "../steps/step-kind.js";
import { armId, type ComputeIROf, type ComputeKindDef, type SecretKeys } from "./compute-kind.js";
import { SHARED_SPEC_KEYS as shared } from "./shared-spec-keys.js";

/** An Azure Databricks workspace (usable only inside pipelines). */
export const databricksCompute: ComputeKindDef<"databricks"> = {
  kind: "databricks",
  summary: "an Azure Databricks workspace (usable only inside pipelines)",
  factory: "databricks",
  specKeys: {
    workspace_name: described("the name of the Databricks workspace to attach", nonEmpty),
    resource_group: shared.resource_group,
    subscription_id: shared.subscription_id,
    access_token: described(
      "a Databricks personal access token, as a reference only: { env: NAME } or { key_vault: { vault, secret } }",
      secretRefSchema,
    ),
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
