import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAmlClient, type RunningEmulator, startArmEmulator } from "../src/index.js";
import { type ArmExample, armExamples, referenceDir } from "./reference-files.js";

// The emulator's contract is the official REST definitions and x-ms-examples (../shared/reference).
// Without them these tests fail in CI (AMLPIPE_REQUIRE_ORACLE=1) and are skipped elsewhere.
const reference = referenceDir();
const required = process.env.AMLPIPE_REQUIRE_ORACLE === "1";
const suite = reference || required ? describe : describe.skip;

const API = "api-version=2022-10-01";
// biome-ignore lint/suspicious/noExplicitAny: ARM answers and example bodies of many shapes, read by path.
type Json = Record<string, any>;
let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startArmEmulator({ retryAfterSeconds: 0, pageSize: 2 });
});
afterAll(async () => emulator?.close());

function workspacePath(p: Record<string, unknown>): string {
  return `/subscriptions/${p.subscriptionId}/resourceGroups/${p.resourceGroupName}/providers/Microsoft.MachineLearningServices/workspaces/${p.workspaceName}`;
}

/** The path an example's operation addresses, from its file name and path parameters. */
function examplePath(example: ArmExample): string {
  const p = example.parameters;
  // One workspace per example: several examples create "compute123" with different compute types.
  const ws = workspacePath({ ...p, workspaceName: `${p.workspaceName}-${examples.indexOf(example)}` });
  if (example.file.startsWith("compute-list")) return `${ws}/computes`;
  if (example.file.startsWith("compute")) return `${ws}/computes/${p.computeName}`;
  if (example.file.startsWith("datastore-list")) return `${ws}/datastores`;
  if (example.file.startsWith("datastore")) return `${ws}/datastores/${p.name}`;
  if (example.file.startsWith("job-cancel")) return `${ws}/jobs/${p.id}/cancel`;
  return `${ws}/jobs/${p.id}`;
}

function exampleBody(example: ArmExample): Record<string, unknown> | undefined {
  return (example.parameters.parameters ?? example.parameters.body) as Record<string, unknown> | undefined;
}

async function call(method: string, path: string, body?: unknown, query = API) {
  const response = await fetch(`${emulator.url}${path}${query ? `?${query}` : ""}`, {
    method,
    headers: { "content-type": "application/json" },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: (text ? JSON.parse(text) : undefined) as Json,
  };
}

const examples = reference ? armExamples(reference) : [];
const puts = examples.filter((e) => exampleBody(e) !== undefined);
const DISCRIMINATOR: Record<string, string> = {
  compute: "computeType",
  datastore: "datastoreType",
  job: "jobType",
};
const discriminatorOf = (e: ArmExample) => DISCRIMINATOR[e.file.split("-")[0] ?? ""] as string;

suite("the emulator against the official x-ms-examples (api-version 2022-10-01 definitions)", () => {
  it("given the reference folder, finds the official examples", () => {
    expect(reference, "../shared/reference is missing (set AMLPIPE_REFERENCE)").toBeDefined();
    expect(puts.length).toBeGreaterThanOrEqual(10);
  });

  it("given the shipped definitions, they are the reference transcription unchanged", () => {
    const shipped = readFileSync(
      new URL("../src/emulator/arm-definitions/definitions-2022-10-01.json", import.meta.url),
      "utf8",
    );
    const official = readFileSync(join(reference as string, "arm-spec/definitions-2022-10-01.json"), "utf8");
    expect(JSON.parse(shipped)).toEqual(JSON.parse(official));
  });

  it.each(puts.map((e) => [e.file, e] as const))(
    "given %s at its own api-version, refuses it (InvalidApiVersionParameter)",
    async (_, example) => {
      const answer = await call(
        "PUT",
        examplePath(example),
        exampleBody(example),
        `api-version=${example.parameters["api-version"]}`,
      );
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe("InvalidApiVersionParameter");
    },
  );

  it.each(puts.map((e) => [e.file, e] as const))(
    "given %s at 2022-10-01, answers as the example does, or refuses what 2022-10-01 does not define",
    async (_, example) => {
      const body = exampleBody(example) as Json;
      const answer = await call("PUT", examplePath(example), body);
      const discriminator = discriminatorOf(example);
      if (body.properties[discriminator] === "BatchAI") {
        // Batch AI is not a compute type of 2022-10-01 (ComputeType enum).
        expect(answer.status).toBe(400);
        expect(answer.body.error.message).toContain(`properties.${discriminator}`);
        return;
      }
      expect(Object.keys(example.responses)).toContain(String(answer.status));
      const expected = example.responses[String(answer.status)]?.body as Json;
      for (const key of Object.keys(expected))
        if (key !== "systemData") expect(answer.body, key).toHaveProperty(key);
      expect(answer.body.properties[discriminator]).toBe(body.properties[discriminator]);
    },
  );

  it.each(puts.map((e) => [e.file, e] as const))(
    "given %s without its discriminator, or with an unknown one, refuses it (400 naming the property)",
    async (_, example) => {
      const body = exampleBody(example) as Json;
      const discriminator = discriminatorOf(example);
      const { [discriminator]: _dropped, ...rest } = body.properties;
      const path = examplePath(example).replace(/[^/]+$/, "variant1");
      const missing = await call("PUT", path, { ...body, properties: rest });
      expect(missing.status).toBe(400);
      expect(missing.body.error).toMatchObject({
        code: "UserError",
        message: expect.stringContaining(`properties.${discriminator} is required`),
      });
      const unknown = await call("PUT", path, {
        ...body,
        properties: { ...rest, [discriminator]: "NotAType" },
      });
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.message).toContain(`properties.${discriminator} must be one of`);
    },
  );

  it("given the GET, list, delete and cancel examples, answers with their statuses and headers", async () => {
    const bodyOf = (prefix: string) => exampleBody(puts.find((e) => e.file.startsWith(prefix)) as ArmExample);
    for (const example of examples.filter((e) => !exampleBody(e))) {
      // The resource an operation addresses exists first, made from the official create example.
      const path = examplePath(example);
      if (/compute-(get|delete)/.test(example.file))
        await call("PUT", path, bodyOf("compute-createOrUpdate-KubernetesCompute"));
      if (example.file.startsWith("datastore-get"))
        await call("PUT", path, bodyOf("datastore-createOrUpdate-AzureBlob"));
      if (/^job-(cancel|get)/.test(example.file))
        await call("PUT", path.replace(/\/cancel$/, ""), bodyOf("job-createOrUpdate"));
      const method = example.file.includes("delete")
        ? "DELETE"
        : example.file.includes("cancel")
          ? "POST"
          : "GET";
      const query = example.file.includes("delete") ? `${API}&underlyingResourceAction=Delete` : API;
      const answer = await call(method, examplePath(example), undefined, query);
      expect(Object.keys(example.responses), example.file).toContain(String(answer.status));
      for (const header of Object.keys(example.responses[String(answer.status)]?.headers ?? {}))
        expect(answer.headers.get(header), `${example.file} ${header}`).toBeTruthy();
    }
  });
});

describe("the emulator refuses what Azure refuses", () => {
  const ws = workspacePath({ subscriptionId: "s1", resourceGroupName: "rg", workspaceName: "strict" });
  const cluster = {
    location: "westeurope",
    properties: { computeType: "AmlCompute", properties: { scaleSettings: { maxNodeCount: 2 } } },
  };

  it("given no api-version, refuses (MissingApiVersionParameter)", async () => {
    const answer = await call("GET", `${ws}/computes`, undefined, "");
    expect(answer).toMatchObject({ status: 400, body: { error: { code: "MissingApiVersionParameter" } } });
  });

  it("given names Azure refuses, refuses them (InvalidResourceName)", async () => {
    expect(
      (await call("PUT", `${ws}/jobs/has%20space!`, { properties: { jobType: "Pipeline", jobs: {} } })).body
        .error.code,
    ).toBe("InvalidResourceName");
    expect((await call("PUT", `${ws}/computes/a-cluster-name-of-20c`, cluster)).body.error.code).toBe(
      "InvalidResourceName",
    );
  });

  it("given a VirtualMachine with no resource id or credentials, refuses it", async () => {
    const answer = await call("PUT", `${ws}/computes/vm1`, { properties: { computeType: "VirtualMachine" } });
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toContain("resourceId");
  });

  it("given a job without jobType, refuses it; a changed PUT of a job is a conflict (409), the same PUT an idempotent retry", async () => {
    expect((await call("PUT", `${ws}/jobs/j0`, { properties: {} })).body.error.message).toContain(
      "properties.jobType is required",
    );
    const job = {
      properties: {
        jobType: "Pipeline",
        jobs: {},
        inputs: { lr: { jobInputType: "literal", value: "0.1" } },
      },
    };
    expect((await call("PUT", `${ws}/jobs/j1`, job)).status).toBe(201);
    expect((await call("PUT", `${ws}/jobs/j1`, job)).status).toBe(200);
    const changed = await call("PUT", `${ws}/jobs/j1`, {
      properties: { ...job.properties, displayName: "other" },
    });
    expect(changed).toMatchObject({ status: 409, body: { error: { code: "Conflict" } } });
  });

  it("given pipeline nodes in YAML form, or naming a compute, component or job that does not exist, refuses the job at PUT", async () => {
    const yamlNode = {
      type: "command",
      code: "./src",
      command: "python x.py",
      environment: "azureml:e@latest",
      compute: "azureml:c",
    };
    const yaml = await call("PUT", `${ws}/jobs/j2`, {
      properties: { jobType: "Pipeline", jobs: { a: yamlNode } },
    });
    expect(yaml.status).toBe(400);
    expect(yaml.body.error.message).toMatch(
      /properties\.jobs\.a(\.code)?: .*(not a key of a REST node|componentId)/,
    );
    const ghost = {
      type: "command",
      componentId: `${ws}/components/azureml_anonymous/versions/1`,
      computeId: `${ws}/computes/nowhere`,
      inputs: { x: { job_input_type: "literal", value: "${{parent.jobs.ghost.outputs.y}}" } },
    };
    const refused = await call("PUT", `${ws}/jobs/j3`, {
      properties: { jobType: "Pipeline", jobs: { a: ghost } },
    });
    expect(refused.status).toBe(400);
    for (const what of ["componentId", "computeId", "ghost"])
      expect(refused.body.error.message).toContain(what);
  });

  it("given a command job without its command, or naming code, an environment or a compute that does not exist, refuses it; a valid one gets the default output", async () => {
    const noCommand = await call("PUT", `${ws}/jobs/c0`, {
      properties: { jobType: "Command", environmentId: `${ws}/environments/AzureML-sklearn-1.5/versions/1` },
    });
    expect(noCommand.status).toBe(400);
    expect(noCommand.body.error.message).toContain("command");
    const ghost = await call("PUT", `${ws}/jobs/c1`, {
      properties: {
        jobType: "Command",
        command: "python train.py",
        codeId: `${ws}/codes/nope/versions/1`,
        environmentId: `${ws}/environments/nope/versions/1`,
        computeId: `${ws}/computes/nowhere`,
      },
    });
    expect(ghost.status).toBe(400);
    for (const what of ["codeId", "environmentId", "computeId"])
      expect(ghost.body.error.message).toContain(what);
    const ok = await call("PUT", `${ws}/jobs/c2`, {
      properties: {
        jobType: "Command",
        command: "python train.py",
        environmentId: `${ws}/environments/AzureML-sklearn-1.5/versions/1`,
      },
    });
    expect(ok.status).toBe(201);
    expect(ok.body.properties.outputs.default.uri).toBe(
      "azureml://datastores/workspaceartifactstore/ExperimentRun/dcid.c2",
    );
  });

  it("given an attach, runs it as a long-running operation: InProgress with Retry-After first, then Succeeded", async () => {
    const put = await call("PUT", `${ws}/computes/c1`, cluster);
    expect(put.status).toBe(201);
    const operation = put.headers.get("azure-asyncoperation") as string;
    const first = await fetch(operation);
    expect(first.headers.get("retry-after")).toBe("0");
    expect(await first.json()).toMatchObject({ status: "InProgress", startTime: expect.any(String) });
    expect(await (await fetch(operation)).json()).toMatchObject({
      status: "Succeeded",
      endTime: expect.any(String),
    });
  });

  it("given more computes than a page holds, pages with nextLink, and the SDK's list follows it", async () => {
    for (const n of ["p1", "p2", "p3", "p4"]) await call("PUT", `${ws}/computes/${n}`, cluster);
    const page = await call("GET", `${ws}/computes`);
    expect(page.body.value).toHaveLength(2);
    expect(decodeURIComponent(page.body.nextLink)).toContain("$skipToken=2");
    const client = await createAmlClient({
      subscriptionId: "s1",
      resourceGroup: "rg",
      workspace: "strict",
      emulator: emulator.url,
    });
    const names: string[] = [];
    for await (const c of client.computeOperations.list("rg", "strict")) names.push(c.name as string);
    expect(names.sort()).toEqual(["c1", "p1", "p2", "p3", "p4"]);
  });
});

describe("the emulator's job lifecycle reads real blob storage (Azurite)", () => {
  const target = { subscriptionId: "s2", resourceGroup: "rg", workspace: "life", emulator: "" };
  const ws = workspacePath({ subscriptionId: "s2", resourceGroupName: "rg", workspaceName: "life" });

  async function registerJob(name: string, codeFolder: string): Promise<void> {
    const codeUri = `https://devstoreaccount1.blob.core.windows.net/azureml-blobstore-life/${codeFolder}`;
    expect(
      (await call("PUT", `${ws}/codes/${name}/versions/1`, { properties: { codeUri, isAnonymous: true } }))
        .status,
    ).toBe(201);
    const spec = {
      type: "command",
      command: "python train.py",
      code: `azureml:${ws}/codes/${name}/versions/1`,
      environment: `azureml:${ws}/environments/AzureML-sklearn-1.5/versions/3`,
      inputs: {},
      outputs: { model: { type: "uri_folder" } },
    };
    expect(
      (
        await call("PUT", `${ws}/components/azureml_anonymous/versions/${name}`, {
          properties: { componentSpec: spec, isAnonymous: true },
        })
      ).status,
    ).toBe(201);
    const node = {
      type: "command",
      componentId: `${ws}/components/azureml_anonymous/versions/${name}`,
      computeId: `${ws}/computes/cpu`,
      inputs: {},
      outputs: {},
    };
    expect(
      (
        await call("PUT", `${ws}/jobs/${name}`, {
          properties: { jobType: "Pipeline", jobs: { train: node } },
        })
      ).status,
    ).toBe(201);
  }

  async function statuses(name: string): Promise<string[]> {
    const seen: string[] = [];
    for (let i = 0; i < 10 && !["Completed", "Failed", "Canceled"].includes(seen.at(-1) ?? ""); i++)
      seen.push((await call("GET", `${ws}/jobs/${name}`)).body.properties.status);
    return seen;
  }

  it("given a job whose code was uploaded, moves it NotStarted -> Queued -> Preparing -> Running -> Finalizing -> Completed; one whose code is not in storage fails", async () => {
    const secrets = await call("POST", `${ws}/datastores/workspaceblobstore/listSecrets`);
    expect(secrets.body).toMatchObject({ secretsType: "AccountKey", key: expect.any(String) });
    const { BlobServiceClient, StorageSharedKeyCredential } = await import("@azure/storage-blob");
    const blobs = new BlobServiceClient(
      `${emulator.url}/devstoreaccount1`,
      new StorageSharedKeyCredential("devstoreaccount1", secrets.body.key),
    );
    await blobs
      .getContainerClient("azureml-blobstore-life")
      .getBlockBlobClient("LocalUpload/abc/src/train.py")
      .upload("print(1)", 8);
    const cpu = {
      properties: { computeType: "AmlCompute", properties: { scaleSettings: { maxNodeCount: 1 } } },
    };
    expect((await call("PUT", `${ws}/computes/cpu`, cpu)).status).toBe(201);
    await registerJob("good", "LocalUpload/abc/src");
    expect(await statuses("good")).toEqual(["Queued", "Preparing", "Running", "Finalizing", "Completed"]);
    await registerJob("lost", "LocalUpload/nothing-here/src");
    expect(await statuses("lost")).toEqual(["Queued", "Preparing", "Failed"]);
    const failed = await call("GET", `${ws}/jobs/lost`);
    expect(failed.body.properties.properties["amlpipe.emulator.failure"]).toContain("not in storage");
    expect(target.workspace).toBe("life");
  });

  it("given listSecrets of a datastore that does not exist, answers 404", async () => {
    expect((await call("POST", `${ws}/datastores/nope/listSecrets`)).status).toBe(404);
  });
});
