import { closeSync, openSync, readSync, statSync } from "node:fs";
import type { LocalRunEvent, StepRecord } from "@amlpipe/runtime";
import type { CliIo } from "../cli-io.js";

const SYMBOL: Record<string, string> = {
  succeeded: "ok",
  reused: "reused",
  stubbed: "stubbed",
  failed: "FAILED",
  skipped: "skipped",
  canceled: "canceled",
};

function seconds(ms: number | undefined): string {
  return ms === undefined ? "" : ` ${(ms / 1000).toFixed(1)}s`;
}

/**
 * Prints a local run's progress: on a TTY one live line listing the running steps (rewritten in
 * place), with a permanent line as each step ends; elsewhere (CI) plain lines only. Nothing is written
 * for `--json`.
 */
export function stepProgress(
  io: CliIo,
  enabled: boolean,
  total?: number,
): { onEvent: (event: LocalRunEvent) => void; done: () => void } {
  const running = new Map<string, number>();
  let ended = 0;
  let timer: ReturnType<typeof setInterval> | undefined;
  // -q: no live line, no starts or notes; a failed step's line (and log tail) still shows.
  const quiet = io.verbosity === "quiet";
  const live = io.isTTY && enabled && !quiet;
  const clear = () => live && io.stderr("\r\x1b[2K");
  const draw = () => {
    if (!live || running.size === 0) return;
    const now = performance.now();
    const parts = [...running].map(([key, start]) => `${key} ${((now - start) / 1000).toFixed(0)}s`);
    const count = total === undefined ? "" : `[${ended}/${total}] `;
    io.stderr(`\r\x1b[2K${fitTerminal(`  ${count}running: ${parts.join(", ")}`, io.columns?.())}`);
  };
  return {
    onEvent(event) {
      if (!enabled) return;
      if (event.type === "start") {
        running.set(event.step, performance.now());
        if (live) {
          timer ??= setInterval(draw, 250);
          draw();
        } else if (!quiet) io.stderr(`- ${event.step}: started\n`);
        return;
      }
      clear();
      if (event.type === "note") {
        if (!quiet) io.stderr(`  ${event.step}: note: ${event.text}\n`);
      } else {
        running.delete(event.record.key);
        ended++;
        if (!quiet || event.record.status === "failed") io.stderr(line(event.record));
      }
      draw();
    },
    done() {
      if (timer) clearInterval(timer);
      clear();
    },
  };
}

/**
 * A live line cut to the terminal's width (one column spare, so no terminal wraps it): `\r\x1b[2K`
 * clears one physical line only, and a wrapped line would leave a copy behind at every redraw.
 * Step names are plain ASCII names (AP109), so one character is one column.
 */
export function fitTerminal(text: string, columns = 80): string {
  const room = Math.max(10, columns - 1);
  return text.length <= room ? text : `${text.slice(0, room - 1)}…`;
}

/** Lines of a failed step's log shown under it: enough to see the error without opening the file. */
const TAIL_LINES = 15;

/** The last lines of a log (read from its end: logs can be large); empty when it cannot be read. */
export function logTail(path: string, lines = TAIL_LINES): string[] {
  try {
    const size = statSync(path).size;
    const length = Math.min(size, 64 * 1024);
    const buffer = Buffer.alloc(length);
    const fd = openSync(path, "r");
    try {
      readSync(fd, buffer, 0, length, size - length);
    } finally {
      closeSync(fd);
    }
    return buffer
      .toString("utf8")
      .replace(/\s+$/, "")
      .split("\n")
      .slice(-lines)
      .filter((l) => l !== "");
  } catch {
    return [];
  }
}

function line(record: StepRecord): string {
  const status = SYMBOL[record.status] ?? record.status;
  const tail =
    record.status === "failed" ? `: ${record.error ?? ""}${record.log ? ` (log: ${record.log})` : ""}` : "";
  const skip = record.status === "skipped" || record.status === "canceled" ? `: ${record.error ?? ""}` : "";
  // A failed step shows the end of its log (already masked of secrets when it was written).
  const shown =
    record.status === "failed" && record.log
      ? logTail(record.log)
          .map((l) => `    | ${l}\n`)
          .join("")
      : "";
  return `- ${record.key}: ${status}${seconds(record.durationMs)}${tail}${skip}\n${shown}`;
}
