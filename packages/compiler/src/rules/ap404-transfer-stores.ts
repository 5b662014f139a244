import { diagnostic } from "../diagnostics/diagnostic.js";
import { referenceDatastore } from "../ir/data-reference.js";
import type { DatastoreKind } from "../ir/datastore.js";
import { producersOf, stepOutputs } from "../ir/step-bindings.js";
import type { Rule } from "./rule.js";

const SUPPORTED = new Set<DatastoreKind>([
  "azure_blob",
  "adls_gen1",
  "adls_gen2",
  "azure_sql",
  "postgresql",
  "mysql",
]);

/** AP404: DataTransferStep moves data only between the stores Azure Data Factory supports there. */
export const transferStoresRule: Rule = {
  code: "AP404",
  examples: {
    fires: [
      {
        what: "a copy into Azure Files, which Data Factory does not write there",
        line: 32,
        mutate: (ir) => ({
          ...ir,
          datastores: ir.datastores.map((d) =>
            d.name === "blob" ? { ...d, kind: "azure_file" as const } : d,
          ),
        }),
      },
    ],
    passes: [
      {
        what: "a copy into ADLS Gen2",
        mutate: (ir) => ({
          ...ir,
          datastores: ir.datastores.map((d) =>
            d.name === "blob" ? { ...d, kind: "adls_gen2" as const } : d,
          ),
        }),
      },
    ],
  },
  check(ir) {
    const kinds = new Map(ir.datastores.map((d) => [d.name, d.kind]));
    const producers = producersOf(ir);
    const storeOf = (from: string): string | undefined => {
      const reference = ir.dataReferences.find((r) => r.name === from);
      if (reference) return referenceDatastore(reference);
      const producer = producers.get(from)?.[0];
      return producer && stepOutputs(producer).find((o) => o.destination === from)?.datastore;
    };
    return ir.steps.flatMap((s) => {
      if (s.type !== "DataTransferStep") return [];
      const destination = ir.dataReferences.find((r) => r.name === s.destinationDataReference.from);
      if (!destination || destination.kind === "dataset")
        return [
          diagnostic(
            "AP404",
            `DataTransferStep "${s.key}" copies to "${s.destinationDataReference.from}", which is not a data reference on a datastore; the SDK v1 loader accepts only that as a destination`,
            {
              at: s.destinationDataReference.source,
              hint: 'copy to a datastore path, e.g. to: lake.path("copies/data")',
            },
          ),
        ];
      const ends = [
        { role: "source", store: storeOf(s.sourceDataReference.from), at: s.sourceDataReference.source },
        {
          role: "destination",
          store: storeOf(s.destinationDataReference.from),
          at: s.destinationDataReference.source,
        },
      ];
      return ends.flatMap(({ role, store, at }) => {
        const kind = store === undefined ? undefined : kinds.get(store);
        if (kind === undefined || kind === "unknown" || SUPPORTED.has(kind)) return [];
        return [
          diagnostic(
            "AP404",
            `DataTransferStep "${s.key}" ${role} is on "${store}", a ${kind} datastore, which Data Factory cannot move data to or from here`,
            { at: at, hint: `use Azure Blob, ADLS Gen1/Gen2, Azure SQL, PostgreSQL or MySQL` },
          ),
        ];
      });
    });
  },
};
