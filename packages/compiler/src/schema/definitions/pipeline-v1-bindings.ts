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

/**
 * DataTransferStep's destination binding. The reference page's example names it with `source:`
 * (a destination written as a source), which amlpipe reads with a warning.
 */
const transferDestinationBinding = {
  type: "object",
  anyOf: [{ required: ["destination"] }, { required: ["source"] }],
  additionalProperties: false,
  properties: {
    ...outputProperties,
    source: deprecated("the destination's name; write it as destination", nonEmpty),
  },
} as const;

const oneEntry = (binding: object) =>
  ({ type: "object", minProperties: 1, maxProperties: 1, additionalProperties: binding }) as const;

/** DataTransferStep's `source_data_reference`: one input binding. */
export const transferSource = oneEntry(inputBinding);

/** DataTransferStep's `destination_data_reference`: one destination binding. */
export const transferDestination = oneEntry(transferDestinationBinding);
