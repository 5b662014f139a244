import { described, nonEmpty } from "../../schema/definitions/common.js";
import { armId, type ComputeKindDef } from "./compute-kind.js";
import { SHARED_SPEC_KEYS as shared } from "./shared-spec-keys.js";

/** An Azure Data Factory, the compute DataTransferStep runs on. */
export const dataFactoryCompute: ComputeKindDef<"data_factory"> = {
  kind: "data_factory",
  summary: "an Azure Data Factory, the compute DataTransferStep runs on",
  factory: "dataFactory",
  specKeys: {
    resource_group: shared.resource_group,
    factory_name: described("the name of the Data Factory to attach, in resource_group", nonEmpty),
    resource_id: shared.resource_id,
  },
  requiredSpecKeys: [],
  secretFields: [],
  defaults: {},
  armResourceId: (c, scope) =>
    c.resourceId ??
    (c.factoryName
      ? armId(
          scope.subscriptionId,
          c.resourceGroup ?? scope.resourceGroup,
          "Microsoft.DataFactory/factories",
          c.factoryName,
        )
      : undefined),
  colour: "#d2f4ea",
};
