import type { AzureMachineLearningWorkspaces } from "@azure/arm-machinelearning";

/**
 * Sends a body as exact JSON through the client's own pipeline (its sign-in, retry and logging
 * policies). For requests the 2.1.1 client would mangle: it drops `uri` and `mode` of pipeline-level
 * asset inputs and outputs (Azure/azure-sdk-for-js#29328) and knows nothing of REST node shapes.
 */
export async function sendJson(
  client: AzureMachineLearningWorkspaces,
  method: "PUT" | "GET",
  url: string,
  body?: unknown,
  allowInsecureConnection = false,
): Promise<{ status: number; body: unknown }> {
  // Loaded on first use, as the client itself is: commands that never talk to Azure do not pay for it.
  const { createPipelineRequest, RestError } = await import("@azure/core-rest-pipeline");
  const request = createPipelineRequest({
    url,
    method,
    allowInsecureConnection,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  request.headers.set("content-type", "application/json");
  request.headers.set("accept", "application/json");
  const response = await client.sendRequest(request);
  const text = response.bodyAsText ?? "";
  const parsed: unknown = text ? JSON.parse(text) : undefined;
  if (response.status >= 400) {
    const error = (parsed as { error?: { code?: string; message?: string } } | undefined)?.error;
    throw new RestError(error?.message ?? `HTTP ${response.status}`, {
      statusCode: response.status,
      ...(error?.code ? { code: error.code } : {}),
      request,
      response,
    });
  }
  return { status: response.status, body: parsed };
}
