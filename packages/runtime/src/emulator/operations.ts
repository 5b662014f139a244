import { randomUUID } from "node:crypto";
import type { ServerResponse } from "node:http";
import { armError, send } from "./arm-http.js";
import type { EmulatorState } from "./emulator-state.js";

/**
 * Starts a long-running operation and returns its status URL. Like ARM's, it reports InProgress on
 * its first poll (with Retry-After) and finishes on a later one.
 */
export function startOperation(
  state: EmulatorState,
  base: string,
  fail: boolean,
  onSucceed: () => void,
): string {
  const id = randomUUID();
  state.operations[id] = {
    status: "InProgress",
    polls: 0,
    startTime: new Date().toISOString(),
    onSucceed,
    ...(fail
      ? { error: { code: "OperationFailed", message: "emulated failure of the long-running operation" } }
      : {}),
  };
  return `${base}/amlpipe-emulator/operations/${id}`;
}

/** Answers a poll of an operation's status (the Azure-AsyncOperation body: status, startTime, endTime, error). */
export function pollOperation(
  state: EmulatorState,
  id: string,
  res: ServerResponse,
  retryAfterSeconds: number,
): undefined {
  const op = state.operations[id];
  if (!op) return armError(res, 404, "ResourceNotFound", `operation "${id}" was not found`);
  op.polls++;
  if (op.status === "InProgress" && op.polls >= 2) {
    op.status = op.error ? "Failed" : "Succeeded";
    op.endTime = new Date().toISOString();
    if (op.status === "Succeeded") op.onSucceed?.();
    state.save();
  }
  send(
    res,
    200,
    {
      id,
      name: id,
      status: op.status,
      startTime: op.startTime,
      ...(op.endTime ? { endTime: op.endTime } : {}),
      ...(op.error ? { error: op.error } : {}),
    },
    op.status === "InProgress" ? { "retry-after": String(retryAfterSeconds) } : {},
  );
}
