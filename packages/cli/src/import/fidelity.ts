import type { SourcePosition } from "@amlpipe/compiler";

/** How well one construct of the YAML came across into TypeScript. */
export interface FidelityEntry {
  readonly construct: string;
  readonly status: "clean" | "review" | "unsupported";
  readonly why?: string;
  readonly at?: SourcePosition;
}

/** The fidelity report as text: one line per construct, problems first. */
export function formatFidelity(entries: readonly FidelityEntry[]): string {
  const order = { unsupported: 0, review: 1, clean: 2 };
  const lines = [...entries]
    .sort((a, b) => order[a.status] - order[b.status])
    .map(
      (e) =>
        `  ${e.status.padEnd(11)} ${e.construct}${e.why ? `: ${e.why}` : ""}${e.at && e.at.line > 0 ? ` (${e.at.file}:${e.at.line})` : ""}`,
    );
  const count = (s: FidelityEntry["status"]) => entries.filter((e) => e.status === s).length;
  return `${lines.join("\n")}\n  ${count("clean")} clean, ${count("review")} to review, ${count("unsupported")} unsupported\n`;
}
