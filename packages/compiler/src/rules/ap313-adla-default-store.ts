import { diagnostic } from "../diagnostics/diagnostic.js";
import { isExistingCompute } from "../kinds/computes/index.js";
import type { Rule } from "./rule.js";

/**
 * AP313: an ADLA account's default datastore is a Data Lake Store (Gen1): U-SQL reads and writes only
 * there. Declared as another kind (a blob store), every AdlaStep's data would pass AP301 by name and
 * still fail in Azure.
 */
export const adlaDefaultStoreRule: Rule = {
  code: "AP313",
  examples: {
    fires: [
      {
        what: "the ADLA account's default datastore declared as a blob store",
        line: 7,
        mutate: (ir) => ({
          ...ir,
          datastores: ir.datastores.map((d) => (d.name === "lake" ? { ...d, kind: "azure_blob" } : d)),
        }),
      },
    ],
    passes: [
      {
        what: "the default datastore undeclared (the live check compares it at submit)",
        mutate: (ir) => ({ ...ir, datastores: ir.datastores.filter((d) => d.name !== "lake") }),
        alsoFires: ["AP309"],
      },
    ],
  },
  check(ir) {
    return ir.computes.flatMap((c) => {
      if (c.kind !== "adla" || isExistingCompute(c)) return [];
      const store = ir.datastores.find((d) => d.name === c.defaultDatastore);
      if (!store || store.kind === "adls_gen1" || store.kind === "unknown") return [];
      return [
        diagnostic(
          "AP313",
          `ADLA compute "${c.name}" has default datastore "${store.name}", a ${store.kind} datastore; an ADLA account's default store is a Data Lake Store (adls_gen1)`,
          {
            at: c.source,
            hint: `name the datastore.adlsGen1(...) that points at the account's default Data Lake Store`,
          },
        ),
      ];
    });
  },
};
