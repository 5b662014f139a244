import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { WorkspaceTarget } from "@amlpipe/runtime";
import type { Command } from "commander";
import type { CliIo } from "../cli-io.js";
import { azureCliDefaults, azureMlConfig } from "../config/azure-config-files.js";

/** Workspace flags shared by attach, detach and submit. */
export interface WorkspaceFlags {
  subscription?: string;
  resourceGroup?: string;
  workspace?: string;
  emulator?: string;
  /** The old name of `emulator`, kept as an alias. */
  endpoint?: string;
  armEndpoint?: string;
}

/** Adds `--subscription --resource-group --workspace --emulator --arm-endpoint` to a command. */
export function workspaceOptions(command: Command): Command {
  return command
    .option("--subscription <id>", "Azure subscription id (env AZURE_SUBSCRIPTION_ID)")
    .option("--resource-group <name>", "resource group of the workspace (env AMLPIPE_RESOURCE_GROUP)")
    .option("--workspace <name>", "Azure ML workspace (env AMLPIPE_WORKSPACE)")
    .option(
      "--emulator <url>",
      "talk to `amlpipe emulator` at this URL: plain HTTP, no sign-in (env AMLPIPE_EMULATOR)",
    )
    .option("--endpoint <url>", "alias of --emulator (env AMLPIPE_ENDPOINT)")
    .option(
      "--arm-endpoint <url>",
      "the ARM endpoint of another cloud, e.g. https://management.chinacloudapi.cn; signs in as for Azure (env AMLPIPE_ARM_ENDPOINT)",
    );
}

/**
 * `amlpipe.config.json` in the working directory: `{ subscription, resourceGroup, workspace, emulator,
 * armEndpoint }`. None is fine; a file that is not a JSON object is an error naming it (and the line),
 * never silently ignored.
 */
function configFile(cwd: string): WorkspaceFlags | { error: string } {
  const path = join(cwd, "amlpipe.config.json");
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return {};
  }
  try {
    const value = JSON.parse(text) as unknown;
    if (value !== null && typeof value === "object" && !Array.isArray(value)) return value as WorkspaceFlags;
    return {
      error: `${path}:1: must be a JSON object ({ "subscription", "resourceGroup", "workspace", ... })`,
    };
  } catch (e) {
    const position = /position (\d+)/.exec((e as Error).message)?.[1];
    const line = position === undefined ? 1 : text.slice(0, Number(position)).split("\n").length;
    return { error: `${path}:${line}: not valid JSON (${(e as Error).message})` };
  }
}

/**
 * Where a workspace name comes from, first found wins: flags, then environment, then
 * `amlpipe.config.json`, then Azure ML's `config.json` (`.azureml/config.json`, in this folder or
 * one above), then the Azure CLI's defaults (`az configure --defaults`, `az account set`). A file
 * that exists but is broken is an error naming it and its line, never silently skipped.
 */
function workspaceSources(io: CliIo): { sources: WorkspaceFlags[] } | { error: string } {
  const file = configFile(io.cwd);
  if ("error" in file) return { error: String(file.error) };
  const sources: WorkspaceFlags[] = [file];
  for (const found of [azureMlConfig(io.cwd), azureCliDefaults(io.env)]) {
    if (found && "error" in found) return { error: found.error };
    if (found) sources.push(found);
  }
  return { sources };
}

/**
 * The workspace from flags, then environment, then the configuration files (see
 * {@link workspaceSources}); with an endpoint (the emulator), names may default.
 */
export function resolveWorkspace(flags: WorkspaceFlags, io: CliIo): WorkspaceTarget | { error: string } {
  const found = workspaceSources(io);
  if ("error" in found) return { error: found.error };
  const [file = {}] = found.sources;
  const fromFiles = (key: "subscription" | "resourceGroup" | "workspace") =>
    found.sources.map((source) => source[key]).find((value) => value !== undefined);
  const endpoint =
    flags.emulator ??
    flags.endpoint ??
    io.env.AMLPIPE_EMULATOR ??
    io.env.AMLPIPE_ENDPOINT ??
    file.emulator ??
    file.endpoint;
  const armEndpoint = flags.armEndpoint ?? io.env.AMLPIPE_ARM_ENDPOINT ?? file.armEndpoint;
  if (endpoint && armEndpoint) return { error: "give either --emulator or --arm-endpoint, not both" };
  const pollError = pollIntervalError(io.env.AMLPIPE_POLL_MS);
  if (pollError) return { error: pollError };
  const fallback = (value: string) => (endpoint ? value : undefined);
  const subscriptionId =
    flags.subscription ??
    io.env.AZURE_SUBSCRIPTION_ID ??
    fromFiles("subscription") ??
    fallback("00000000-0000-0000-0000-000000000000");
  const resourceGroup =
    flags.resourceGroup ??
    io.env.AMLPIPE_RESOURCE_GROUP ??
    fromFiles("resourceGroup") ??
    fallback("emulator-rg");
  const workspace =
    flags.workspace ?? io.env.AMLPIPE_WORKSPACE ?? fromFiles("workspace") ?? fallback("emulator-ws");
  const missing = [
    ...(subscriptionId ? [] : ["--subscription (or AZURE_SUBSCRIPTION_ID)"]),
    ...(resourceGroup ? [] : ["--resource-group (or AMLPIPE_RESOURCE_GROUP)"]),
    ...(workspace ? [] : ["--workspace (or AMLPIPE_WORKSPACE)"]),
  ];
  if (missing.length > 0 || !subscriptionId || !resourceGroup || !workspace) {
    return {
      error: `which workspace? missing ${missing.join(", ")}; or write them in amlpipe.config.json, Azure ML's .azureml/config.json, or az configure --defaults group=... workspace=...`,
    };
  }
  return {
    subscriptionId,
    resourceGroup,
    workspace,
    ...(endpoint ? { emulator: endpoint } : {}),
    ...(armEndpoint ? { armEndpoint } : {}),
  };
}

/** Why `AMLPIPE_POLL_MS` is unusable, or undefined when it is unset or a whole number of ms from 1. */
function pollIntervalError(value: string | undefined): string | undefined {
  if (value === undefined || (/^\s*\d+\s*$/.test(value) && Number(value) >= 1)) return undefined;
  return `AMLPIPE_POLL_MS is "${value}": give the poll interval as whole milliseconds from 1 (unset, it is 10 s against Azure and 100 ms against the emulator)`;
}

/**
 * How often to poll the workspace: `AMLPIPE_POLL_MS` (checked by `resolveWorkspace`), else 100 ms against the emulator and 10 s
 * against Azure (the official SDK's pace).
 */
export function pollInterval(io: CliIo, target: WorkspaceTarget): number {
  return Number(io.env.AMLPIPE_POLL_MS ?? (target.emulator ? 100 : 10_000));
}

/** A clear message for failures talking to Azure, naming what to check. */
export function azureFailure(error: unknown): string {
  const e = error as { name?: string; statusCode?: number; code?: string; message?: string };
  if (e.name === "CredentialUnavailableError" || e.name === "AggregateAuthenticationError") {
    return `no Azure credential worked (${e.message?.split("\n")[0]}). Tried: environment variables (AZURE_CLIENT_ID/AZURE_TENANT_ID/AZURE_CLIENT_SECRET or AZURE_FEDERATED_TOKEN_FILE), workload identity, managed identity, the Azure CLI (az login). Sign in with one of them, or rehearse with \`amlpipe emulator\` and --emulator URL.`;
  }
  if (e.statusCode !== undefined)
    return `Azure answered ${e.statusCode}${e.code ? ` ${e.code}` : ""}: ${e.message?.split("\n")[0]}`;
  return e.message?.split("\n")[0] ?? String(error);
}
