import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

/** Sends a JSON answer with the headers ARM always sets. */
export function send(
  res: ServerResponse,
  status: number,
  body?: unknown,
  headers: Record<string, string> = {},
): undefined {
  res.writeHead(status, { "content-type": "application/json", "x-ms-request-id": randomUUID(), ...headers });
  res.end(body === undefined ? undefined : JSON.stringify(body));
  return undefined;
}

/** An ARM error answer: `{ "error": { "code", "message", "details" } }` (the spec's ErrorResponse). */
export function armError(res: ServerResponse, status: number, code: string, message: string): undefined {
  return send(res, status, { error: { code, message, details: [] } });
}

/** A thrown refusal, turned into an ARM error answer by the router. */
export class ArmRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The whole request body. */
export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A JSON request body; a body that is not JSON is refused as ARM refuses it. */
export function parseJson(body: Buffer): Record<string, unknown> {
  try {
    const value = JSON.parse(body.toString() || "{}") as unknown;
    if (value !== null && typeof value === "object" && !Array.isArray(value))
      return value as Record<string, unknown>;
  } catch {
    // refused below
  }
  throw new ArmRefusal(
    400,
    "InvalidRequestContent",
    "The request content was invalid and could not be deserialized.",
  );
}

/**
 * One page of a list, as ARM pages (`x-ms-pageable`, `nextLinkName: nextLink`): `$skipToken` says
 * where the page starts; `count` (when smaller) or the emulator's page size how long it is.
 */
export function sendPage(
  res: ServerResponse,
  url: URL,
  items: readonly unknown[],
  pageSize: number,
): undefined {
  const start = Number(url.searchParams.get("$skipToken") ?? 0) || 0;
  const asked = Number(url.searchParams.get("count") ?? 0) || 0;
  const size = asked > 0 ? Math.min(asked, pageSize) : pageSize;
  const value = items.slice(start, start + size);
  const body: { value: unknown[]; nextLink?: string } = { value };
  if (start + size < items.length) {
    const next = new URL(url);
    next.searchParams.set("$skipToken", String(start + size));
    body.nextLink = next.toString();
  }
  return send(res, 200, body);
}
