import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { resolveWorkspace } from "../src/commands/azure-options.js";

/** A project folder `<tmp>/repo/pkg` (the working folder) with files written relative to `<tmp>`. */
function tree(files: Record<string, string>): { cwd: string; top: string } {
  const top = mkdtempSync(join(tmpdir(), "amlpipe-wsconfig-"));
  mkdirSync(join(top, "repo", "pkg"), { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(top, path, ".."), { recursive: true });
    writeFileSync(join(top, path), text);
  }
  return { cwd: join(top, "repo", "pkg"), top };
}

const io = (cwd: string, env: Record<string, string> = {}) => ({
  stdout: () => {},
  stderr: () => {},
  cwd,
  env,
  isTTY: false,
});

const AML = JSON.stringify({
  subscription_id: "sub-aml",
  resource_group: "rg-aml",
  workspace_name: "ws-aml",
});
const AZ_CONFIG = "[core]\noutput = json\n\n[defaults]\ngroup = rg-az\nworkspace = ws-az\n";
// azureProfile.json as the az CLI writes it: with a byte-order mark.
const AZ_PROFILE = `\uFEFF${JSON.stringify({
  subscriptions: [
    { id: "sub-other", isDefault: false },
    { id: "sub-az", isDefault: true },
  ],
})}`;

describe("where the workspace comes from", () => {
  it("given Azure ML's .azureml/config.json in a folder above, takes its three names (as Workspace.from_config finds it)", () => {
    const { cwd } = tree({ "repo/.azureml/config.json": AML });
    expect(resolveWorkspace({}, io(cwd))).toEqual({
      subscriptionId: "sub-aml",
      resourceGroup: "rg-aml",
      workspace: "ws-aml",
    });
  });

  it("given flags or environment, they win over the file, name by name", () => {
    const { cwd } = tree({ "repo/config.json": AML });
    expect(resolveWorkspace({ workspace: "ws-flag" }, io(cwd, { AMLPIPE_RESOURCE_GROUP: "rg-env" }))).toEqual(
      {
        subscriptionId: "sub-aml",
        resourceGroup: "rg-env",
        workspace: "ws-flag",
      },
    );
  });

  it("given a project config.json that is not Azure ML's (or not JSON), ignores it; a broken .azureml/config.json is an error naming file and line", () => {
    const { cwd } = tree({ "repo/pkg/config.json": '{ "port": 8080 }', "repo/config.json": "// not json" });
    expect(resolveWorkspace({}, io(cwd))).toMatchObject({
      error: expect.stringContaining("which workspace?"),
    });
    const broken = tree({ "repo/.azureml/config.json": '{\n  "workspace_name": "w",\n}' });
    expect(resolveWorkspace({}, io(broken.cwd))).toEqual({
      error: expect.stringMatching(/\.azureml\/config\.json:3: not valid JSON/),
    });
  });

  it("given only the Azure CLI's defaults (az configure --defaults, az account set), takes group, workspace and the default subscription", () => {
    const { cwd, top } = tree({ "az/config": AZ_CONFIG, "az/azureProfile.json": AZ_PROFILE });
    expect(resolveWorkspace({}, io(cwd, { AZURE_CONFIG_DIR: join(top, "az") }))).toEqual({
      subscriptionId: "sub-az",
      resourceGroup: "rg-az",
      workspace: "ws-az",
    });
    // Under HOME, as ~/.azure.
    const home = tree({ "home/.azure/config": AZ_CONFIG, "home/.azure/azureProfile.json": AZ_PROFILE });
    expect(resolveWorkspace({}, io(home.cwd, { HOME: join(home.top, "home") }))).toMatchObject({
      workspace: "ws-az",
    });
  });

  it("given every source, amlpipe.config.json wins, then Azure ML's config.json, then the Azure CLI, name by name", () => {
    const { cwd, top } = tree({
      "repo/pkg/amlpipe.config.json": JSON.stringify({ workspace: "ws-amlpipe" }),
      "repo/.azureml/config.json": JSON.stringify({ resource_group: "rg-aml", workspace_name: "ws-aml" }),
      "az/config": AZ_CONFIG,
      "az/azureProfile.json": AZ_PROFILE,
    });
    expect(resolveWorkspace({}, io(cwd, { AZURE_CONFIG_DIR: join(top, "az") }))).toEqual({
      subscriptionId: "sub-az",
      resourceGroup: "rg-aml",
      workspace: "ws-amlpipe",
    });
  });
});
