import { stepKindRules } from "../kinds/steps/index.js";
import { runtimeValueTypeRule } from "./ap113-runtime-value-type.js";
import { cycleRule } from "./ap200-cycle.js";
import { unproducedInputRule } from "./ap201-unproduced-input.js";
import { unreadOutputRule } from "./ap202-unread-output.js";
import { duplicateNameRule } from "./ap203-duplicate-name.js";
import { unknownTokenRule } from "./ap204-unknown-token.js";
import { unknownParameterRule } from "./ap205-unknown-parameter.js";
import { unknownAfterRule } from "./ap206-unknown-after.js";
import { sharedDestinationRule } from "./ap207-shared-destination.js";
import { noStepsRule } from "./ap208-no-steps.js";
import { unsupportedFeatureRule } from "./ap209-unsupported-feature.js";
import { afterMarkerRule } from "./ap210-after-marker.js";
import { datapathDefaultRule } from "./ap213-datapath-default.js";
import { stepComputeKindRule } from "./ap300-step-compute-kind.js";
import { adlaLocalityRule } from "./ap301-adla-locality.js";
import { aciTrainingRule } from "./ap302-aci-training.js";
import { databricksDefaultRule } from "./ap303-databricks-default.js";
import { resourceAttachedTwiceRule } from "./ap304-resource-attached-twice.js";
import { computeNameRule } from "./ap305-compute-name.js";
import { resourceIdRule } from "./ap306-resource-id.js";
import { noComputeRule } from "./ap307-no-compute.js";
import {
  unknownComputeRule,
  unknownDatastoreRule,
  unknownEnvironmentRule,
} from "./ap308-unknown-references.js";
import { localComputeRule } from "./ap311-local-compute.js";
import { sshCredentialsRule } from "./ap312-ssh-credentials.js";
import { adlaDefaultStoreRule } from "./ap313-adla-default-store.js";
import { pysparkComputeRule } from "./ap314-pyspark-compute.js";
import { kubernetesFlavourRule } from "./ap315-kubernetes-flavour.js";
import { placeholderValueRule } from "./ap316-placeholder-value.js";
import { pythonOnSynapseRule } from "./ap317-python-on-synapse.js";
import { scheduleRule } from "./ap406-schedule.js";
import { inlineSecretRule } from "./ap500-inline-secret.js";
import { secretInArgumentsRule } from "./ap501-secret-in-arguments.js";
import { stepLimitRule } from "./ap600-step-limit.js";
import type { Rule } from "./rule.js";

/**
 * Every rule of the catalogue, in code order. Rules of one step kind are listed by its definition
 * (kinds/steps/); the others here. Adding a rule: one file, one line here or in its kind, one docs page.
 */
export const RULES: readonly Rule[] = [
  runtimeValueTypeRule,
  cycleRule,
  unproducedInputRule,
  unreadOutputRule,
  duplicateNameRule,
  unknownTokenRule,
  unknownParameterRule,
  unknownAfterRule,
  sharedDestinationRule,
  noStepsRule,
  unsupportedFeatureRule,
  afterMarkerRule,
  datapathDefaultRule,
  stepComputeKindRule,
  adlaLocalityRule,
  aciTrainingRule,
  databricksDefaultRule,
  resourceAttachedTwiceRule,
  computeNameRule,
  resourceIdRule,
  noComputeRule,
  unknownComputeRule,
  unknownDatastoreRule,
  unknownEnvironmentRule,
  scheduleRule,
  inlineSecretRule,
  secretInArgumentsRule,
  stepLimitRule,
  localComputeRule,
  sshCredentialsRule,
  adlaDefaultStoreRule,
  pysparkComputeRule,
  kubernetesFlavourRule,
  placeholderValueRule,
  pythonOnSynapseRule,
  ...stepKindRules(),
].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
