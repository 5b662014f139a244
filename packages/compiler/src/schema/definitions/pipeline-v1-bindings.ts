import { deprecated, looseBool, nonEmpty, str } from "./common.js";

/** An input binding (`source`, `bind_mode`, ...). */
export const inputBinding = {
  type: "object",
  required: ["source"],
  additionalProperties: false,
  properties: {
    source: nonEmpty,
    bind_mode: { enum: ["mount", "download"] },
    type: deprecated("deprecated alias of bind_mode", { enum: ["mount", "download"] }),
    path_on_compute: str,
    overwrite: looseBool,
  },
} as const;

const outputProperties = {
  destination: nonEmpty,
  datastore: nonEmpty,
  bind_mode: { enum: ["mount", "upload"] },
  type: deprecated("deprecated alias of bind_mode", { enum: ["mount", "upload"] }),
  path_on_compute: str,
  overwrite: looseBool,
  as_dataset: looseBool,
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
