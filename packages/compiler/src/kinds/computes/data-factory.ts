import { nonEmpty } from "../../schema/definitions/common.js";
import { armId, type ComputeKindDef } from "./compute-kind.js";

/** An Azure Data Factory, the compute DataTransferStep runs on. */
export const dataFactoryCompute: ComputeKindDef<"data_factory"> = {
  kind: "data_factory",
  summary: "an Azure Data Factory, the compute DataTransferStep runs on",
  factory: "dataFactory",
  specKeys: { resource_group: nonEmpty, factory_name: nonEmpty, resource_id: nonEmpty },
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
