import { posix } from "node:path";
import type { StepIR } from "../ir/step.js";
import { pathFromOutput } from "../names/project-paths.js";
import { AFTER_DATA_PREFIX, AFTER_OUTPUT } from "./after-markers.js";
import {
  argumentText,
  bindingMap,
  inputDocument,
  outputDocument,
  parametersDocument,
} from "./binding-documents.js";

/** What a step's document needs from the rest of the pipeline. */
export interface StepDocumentContext {
  /** POSIX path from the compiled directory to the compile root. */
  readonly outputToRoot: string;
  /** The step's runconfig path inside the compiled directory, if it has one. */
  readonly runconfig?: string;
  /** The step's ParallelRunConfig path, for ParallelRunSteps. */
  readonly parallelRunConfig?: string;
  /** Whether some step runs after this one without data (it then writes a marker output). */
  readonly runsBeforeOthers: boolean;
}

/** One step as its v1 YAML map: common keys first, then the step type's own keys. */
export function stepDocument(step: StepIR, context: StepDocumentContext): Record<string, unknown> {
  const inputs = [
    ...step.inputs.map((b) => [b.name, inputDocument(b)] as const),
    ...step.after.map(
      (key) => [`${AFTER_DATA_PREFIX}${key}`, { source: `${AFTER_DATA_PREFIX}${key}` }] as const,
    ),
  ];
  const outputs = bindingMap(step.outputs, outputDocument);
  if (context.runsBeforeOthers) outputs[AFTER_OUTPUT] = { destination: `${AFTER_DATA_PREFIX}${step.key}` };
  return {
    type: step.type,
    name: step.name,
    ...(step.compute ? { compute: step.compute } : {}),
    ...(step.sourceDirectory !== undefined
      ? {
          // Backslashes are Windows separators here (the reader normalises them the same way).
          source_directory: pathFromOutput(context.outputToRoot, step.sourceDirectory),
        }
      : {}),
    ...(context.runconfig ? { runconfig: context.runconfig } : {}),
    ...ownKeys(step, context),
    ...(step.arguments.length > 0 ? { arguments: step.arguments.map(argumentText) } : {}),
    ...(step.parameters.length > 0 ? { parameters: parametersDocument(step.parameters) } : {}),
    ...(inputs.length > 0 ? { inputs: Object.fromEntries(inputs) } : {}),
    ...(Object.keys(outputs).length > 0 ? { outputs } : {}),
    allow_reuse: step.allowReuse,
  };
}

function defined(entries: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined));
}

function ownKeys(step: StepIR, context: StepDocumentContext): Record<string, unknown> {
  switch (step.type) {
    case "PythonScriptStep":
      return { script_name: step.scriptName };
    case "ParallelRunStep":
      return {
        parallel_run_config: context.parallelRunConfig,
        ...(step.sideInputs.length > 0 ? { side_inputs: bindingMap(step.sideInputs, inputDocument) } : {}),
      };
    case "AdlaStep":
      return defined({
        script_name: step.scriptName,
        degree_of_parallelism: step.degreeOfParallelism,
        priority: step.priority,
        runtime_version: step.runtimeVersion,
      });
    case "AzureBatchStep":
      // Every key explicitly: the SDK loader turns absent keys into empty values, not its defaults.
      return {
        executable: step.executable,
        pool_id: step.poolId ?? null,
        create_pool: step.createPool,
        vm_size: step.vmSize,
        vm_image_urn: step.vmImageUrn ?? null,
        delete_batch_job_after_finish: step.deleteBatchJobAfterFinish,
        delete_batch_pool_after_finish: step.deleteBatchPoolAfterFinish,
        is_positive_exit_code_failure: step.isPositiveExitCodeFailure,
        run_task_as_admin: step.runTaskAsAdmin,
        target_compute_nodes: step.targetComputeNodes,
      };
    case "DatabricksStep":
      return defined({
        run_name: step.runName,
        notebook_path: step.notebookPath,
        notebook_params: step.notebookParams,
        python_script_path: step.pythonScriptPath,
        python_script_name: step.pythonScriptName,
        python_script_params: step.pythonScriptParams,
        main_class_name: step.mainClassName,
        jar_params: step.jarParams,
        existing_cluster_id: step.existingClusterId,
        spark_version: step.sparkVersion,
        node_type: step.nodeType,
        instance_pool_id: step.instancePoolId,
        num_workers: step.numWorkers,
        min_workers: step.minWorkers,
        max_workers: step.maxWorkers,
        spark_env_variables: step.sparkEnvVariables,
        spark_conf: step.sparkConf,
        init_scripts: step.initScripts,
        cluster_log_dbfs_path: step.clusterLogDbfsPath,
        timeout_seconds: step.timeoutSeconds,
      });
    case "DataTransferStep":
      return defined({
        source_data_reference: { [step.sourceDataReference.name]: inputDocument(step.sourceDataReference) },
        destination_data_reference: {
          [step.destinationDataReference.name]: outputDocument(step.destinationDataReference),
        },
        source_reference_type: step.sourceReferenceType,
        destination_reference_type: step.destinationReferenceType,
      });
  }
}
