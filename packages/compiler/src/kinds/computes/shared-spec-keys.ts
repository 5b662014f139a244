import { described, nonEmpty, str } from "../../schema/definitions/common.js";

/**
 * Spec keys several compute kinds share. The compute schema has one entry per key name for all
 * kinds, so a shared key is described once, here, in words true of every kind that has it.
 */
export const SHARED_SPEC_KEYS = {
  resource_id: described(
    "the ARM resource id of the resource to attach (/subscriptions/<id>/resourceGroups/<rg>/providers/...)",
    nonEmpty,
  ),
  resource_group: described("the resource group of the resource to attach", nonEmpty),
  subscription_id: described(
    "the subscription of the resource to attach (the workspace's when unset)",
    nonEmpty,
  ),
  account_name: described("the name of the account to attach", nonEmpty),
  vm_size: described("the Azure VM size of its nodes, e.g. STANDARD_D2_V2", str),
} as const;
