import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";

/**
 * The `ini` package's parser, loaded when an az CLI config file is there to read: every command
 * module reaches this file at start-up, and `amlpipe --version` should not pay for a parser.
 */
function parseIni(text: string): Record<string, unknown> {
  const ini = createRequire(import.meta.url)("ini") as typeof import("ini");
  return ini.parse(text);
}

/** Workspace names one configuration source gives, and which file gave them (for messages). */
export interface ConfigSource {
  readonly subscription?: string;
  readonly resourceGroup?: string;
  readonly workspace?: string;
  readonly file: string;
}

/** A configuration file that exists but cannot be read as what it should be. */
export interface ConfigError {
  readonly error: string;
}

/** Text of a file without the byte-order mark Windows tools (and the az CLI) write. */
function readText(path: string): string {
  return readFileSync(path, "utf8").replace(/^\uFEFF/, "");
}

/** The line a JSON.parse error points at, for a message that names it. */
function jsonErrorLine(text: string, error: Error): number {
  const position = /position (\d+)/.exec(error.message)?.[1];
  return position === undefined ? 1 : text.slice(0, Number(position)).split("\n").length;
}

/**
 * Azure ML's workspace file, found as the SDKs find it (`Workspace.from_config`,
 * `MLClient.from_config`): in the working folder or a folder above it, `.azureml/config.json`, else
 * `config.json`, holding `subscription_id`, `resource_group` and `workspace_name`. A
 * `.azureml/config.json` that is not such a JSON object is an error; a bare `config.json` counts
 * only when it is one (many projects have a `config.json` of their own).
 */
export function azureMlConfig(cwd: string): ConfigSource | ConfigError | undefined {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    for (const [path, ours] of [
      [join(dir, ".azureml", "config.json"), true],
      [join(dir, "config.json"), false],
    ] as const) {
      if (!existsSync(path)) continue;
      const found = workspaceJson(path, ours);
      if (found) return found;
    }
    if (dirname(dir) === dir) return undefined;
  }
}

function workspaceJson(path: string, ours: boolean): ConfigSource | ConfigError | undefined {
  const text = readText(path);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return ours
      ? {
          error: `${path}:${jsonErrorLine(text, error as Error)}: not valid JSON (${(error as Error).message})`,
        }
      : undefined;
  }
  const fields = (value ?? {}) as Record<string, unknown>;
  if (typeof fields.workspace_name !== "string")
    return ours
      ? { error: `${path}:1: has no "workspace_name" (Azure ML's config.json names the workspace)` }
      : undefined;
  const named = (key: string) => (typeof fields[key] === "string" ? (fields[key] as string) : undefined);
  const subscription = named("subscription_id");
  const resourceGroup = named("resource_group");
  return {
    file: path,
    workspace: fields.workspace_name,
    ...(subscription ? { subscription } : {}),
    ...(resourceGroup ? { resourceGroup } : {}),
  };
}

/**
 * The Azure CLI's defaults, as `az ml` reads them: `group` and `workspace` of `[defaults]` in
 * `<config dir>/config` (set by `az configure --defaults group=... workspace=...`), and the default
 * subscription of `azureProfile.json` (`az account set`). The config dir is `AZURE_CONFIG_DIR`, else
 * `~/.azure`; with neither `AZURE_CONFIG_DIR` nor `HOME` set, nothing is read.
 */
export function azureCliDefaults(
  env: Readonly<Record<string, string | undefined>>,
): ConfigSource | ConfigError | undefined {
  const home = env.HOME ?? env.USERPROFILE;
  const dir = env.AZURE_CONFIG_DIR ?? (home ? join(home, ".azure") : undefined);
  if (!dir) return undefined;
  const config = join(dir, "config");
  const profile = join(dir, "azureProfile.json");
  const defaults = existsSync(config)
    ? ((parseIni(readText(config)).defaults ?? {}) as Record<string, unknown>)
    : {};
  let subscription: string | undefined;
  if (existsSync(profile)) {
    const text = readText(profile);
    try {
      const subscriptions = (JSON.parse(text) as { subscriptions?: { id?: string; isDefault?: boolean }[] })
        .subscriptions;
      subscription = subscriptions?.find((s) => s.isDefault)?.id;
    } catch (error) {
      return {
        error: `${profile}:${jsonErrorLine(text, error as Error)}: not valid JSON (${(error as Error).message})`,
      };
    }
  }
  const named = (value: unknown) => (typeof value === "string" && value !== "" ? value : undefined);
  const group = named(defaults.group);
  const workspace = named(defaults.workspace);
  if (!group && !workspace && !subscription) return undefined;
  return {
    file: existsSync(config) ? config : profile,
    ...(subscription ? { subscription } : {}),
    ...(group ? { resourceGroup: group } : {}),
    ...(workspace ? { workspace } : {}),
  };
}
