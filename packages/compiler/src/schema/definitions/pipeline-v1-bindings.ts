import { bool, deprecated, described, nonEmpty, str } from "./common.js";

/** An input binding (`source`, `bind_mode`, ...). */
export const inputBinding = {
  type: "object",
  required: ["source"],
  additionalProperties: false,
  properties: {
    source: described(
      "the data reference, pipeline parameter (datapath) or earlier step output this input reads",
      nonEmpty,
    ),
    bind_mode: described("how the step sees it: mount (default) or download to the compute first", {
      enum: ["mount", "download"],
    }),
    type: deprecated("deprecated alias of bind_mode", { enum: ["mount", "download"] }),
    path_on_compute: described("where on the compute the data is put, for bind_mode download", str),
    overwrite: described("overwrite what is at path_on_compute", bool),
  },
} as const;

const outputProperties = {
  destination: described("the name later steps read this output by (their inputs' source)", nonEmpty),
  datastore: described(
    "the datastore the output is written to (the workspace default when absent)",
    nonEmpty,
  ),
  bind_mode: described("how the step writes it: mount (default) or upload from the compute when it ends", {
    enum: ["mount", "upload"],
  }),
  type: deprecated("deprecated alias of bind_mode", { enum: ["mount", "upload"] }),
  path_on_compute: described("where on the compute the step writes, for bind_mode upload", str),
  overwrite: described("overwrite what is already on the datastore", bool),
  as_dataset: described("register the output as a FileDataset for later steps", bool),
} as const;

/** An output binding (`destination`, `datastore`, ...). */
export const outputBinding = {
  type: "object",
  required: ["destination"],
  additionalProperties: false,
  properties: outputProperties,
} as const;

const oneEntry = (binding: object) =>
  ({ type: "object", minProperties: 1, maxProperties: 1, additionalProperties: binding }) as const;

/** DataTransferStep's `source_data_reference`: one input binding. */
export const transferSource = oneEntry(inputBinding);

/**
 * DataTransferStep's `destination_data_reference`: one binding whose `source:` names the data reference
 * the copy is written to (the SDK v1 loader reads it with its input parser).
 */
export const transferDestination = oneEntry(inputBinding);
