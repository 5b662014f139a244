import { ArmRefusal, armError, send } from "./arm-http.js";
import { commandJobProblems, withDefaultOutput, writeRunArtifacts } from "./command-job.js";
import { advanceJob } from "./job-lifecycle.js";
import { pipelineJobProblems } from "./job-references.js";
import { isStepRun, syncStepRuns } from "./pipeline-step-runs.js";
import {
  checkName,
  newResource,
  type RouteContext,
  sameContent,
  sendList,
  sendOne,
  validBody,
  writableProperties,
} from "./resource-routes.js";

const READ_ONLY = ["status", "services"];

/**
 * The services the service reports for a new job: its Studio page (`ml.azure.com/runs/<name>?wsid=`,
 * the workspace's ARM id), which clients print as the job's link.
 */
function studioService(jobId: string, name: string): Record<string, unknown> {
  const workspaceId = jobId.replace(/\/jobs\/[^/]+$/, "");
  return {
    Studio: {
      jobServiceType: "Studio",
      endpoint: `https://ml.azure.com/runs/${encodeURIComponent(name)}?wsid=${workspaceId}`,
    },
  };
}

/** `jobs`, `jobs/{name}` and `jobs/{name}/cancel`. */
export async function jobRoute(
  ctx: RouteContext,
  name: string | undefined,
  action: string | undefined,
): Promise<undefined> {
  const { ws, method, res } = ctx;
  if (!name) {
    if (method !== "GET") return armError(res, 405, "MethodNotAllowed", `${method} is not allowed on jobs`);
    return sendList(
      ctx,
      Object.values(ws.jobs).filter((job) => !isStepRun(job)),
    );
  }
  const existing = ws.jobs[name];
  if (action === "cancel") {
    if (method !== "POST") return armError(res, 405, "MethodNotAllowed", "cancel takes POST");
    if (!existing)
      return armError(res, 404, "ResourceNotFound", `job "${name}" was not found in this workspace`);
    if (!["Completed", "Failed", "Canceled"].includes(String(existing.properties.status)))
      existing.properties.status = "CancelRequested";
    ctx.state.save();
    return send(res, 202, undefined, {
      location: `${ctx.base}${ctx.url.pathname.replace(/\/cancel$/, "")}?api-version=2022-10-01`,
      "retry-after": String(ctx.retryAfterSeconds),
    });
  }
  if (action) return armError(res, 404, "NotFound", `no action ${action} on jobs`);
  if (method === "GET") {
    if (existing) {
      if (await advanceJob(ws, existing, ctx.blobs)) {
        await writeRunArtifacts(existing, ctx.blobs);
        await syncStepRuns(ctx, existing);
      }
      ctx.state.save();
    }
    return sendOne(ctx, "job", name, existing);
  }
  if (method === "PUT") {
    checkName("jobs", name);
    const payload = validBody("JobBaseResource", ctx.body);
    const given = writableProperties(payload.properties, READ_ONLY);
    // Stored as the service stores it (a command job gains its default output), so a retry compares equal.
    const properties = given.jobType === "Command" ? withDefaultOutput(name, given) : given;
    if (existing) {
      // A job cannot be changed once created; the same body again is an idempotent retry.
      if (
        !sameContent(
          writableProperties(existing.properties, [...READ_ONLY, "properties"]),
          writableProperties(properties, ["properties"]),
        )
      )
        throw new ArmRefusal(
          409,
          "Conflict",
          `job "${name}" exists with other properties; a job cannot be changed once created: submit under a new name`,
        );
      return send(res, 200, existing);
    }
    if (properties.jobType === "Pipeline") {
      const problems = pipelineJobProblems(ws, properties);
      if (problems.length > 0)
        throw new ArmRefusal(
          400,
          "UserError",
          `The pipeline job cannot be created: ${problems.slice(0, 5).join("; ")}${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ""}`,
        );
    }
    if (properties.jobType === "Command") {
      const problems = commandJobProblems(ws, properties);
      if (problems.length > 0)
        throw new ArmRefusal(400, "UserError", `The command job cannot be created: ${problems.join("; ")}`);
    }
    const created = newResource(ctx, "jobs", name, { ...properties, status: "NotStarted" });
    created.properties.services = studioService(created.id, name);
    ws.jobs[name] = created;
    ctx.state.save();
    return send(res, 201, ws.jobs[name]);
  }
  armError(res, 405, "MethodNotAllowed", `${method} is not allowed on a job`);
}
