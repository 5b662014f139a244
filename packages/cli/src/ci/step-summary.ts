import { appendFileSync } from "node:fs";
import { DIAGNOSTIC_CODES, type Diagnostic } from "@amlpipe/compiler";
import type { AzureSubmitReport } from "@amlpipe/runtime";
import type { CliIo } from "../cli-io.js";

/** Diagnostics listed in a summary at most: a summary is a page, the annotations carry the rest. */
const MAX_ROWS = 50;

/**
 * Appends Markdown to the GitHub job summary (the file `GITHUB_STEP_SUMMARY` names) when there is one;
 * elsewhere does nothing. A summary that cannot be written is said on stderr, never fatal: it is a
 * report, not the result.
 */
export function appendStepSummary(io: CliIo, markdown: string): void {
  const file = io.env.GITHUB_STEP_SUMMARY;
  if (!file) return;
  try {
    appendFileSync(file, `${markdown.trimEnd()}\n\n`);
  } catch (error) {
    io.stderr(`warning: could not write the job summary to ${file}: ${(error as Error).message}\n`);
  }
}

/** A table cell: pipes escaped, lines joined (Markdown tables hold one line per row). */
export function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

/** The summary of a validate or compile: each pipeline's verdict, then the diagnostics as a table. */
export function diagnosticsSummary(
  command: string,
  pipelines: readonly { readonly name: string; readonly origin: string; readonly ok: boolean }[],
  diagnostics: readonly Diagnostic[],
): string {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.filter((d) => d.severity === "warning").length;
  const verdict = errors > 0 ? "❌" : "✅";
  const lines = [
    `### ${verdict} amlpipe ${command}: ${errors} error(s), ${warnings} warning(s)`,
    "",
    ...pipelines.map((p) => `- ${p.ok ? "✅" : "❌"} \`${p.name}\` (${cell(p.origin)})`),
  ];
  if (diagnostics.length > 0) {
    lines.push("", "| | code | where | message |", "|---|---|---|---|");
    for (const d of diagnostics.slice(0, MAX_ROWS)) {
      const where = d.at ? `\`${cell(d.at.file)}:${d.at.line}\`` : "";
      const title = DIAGNOSTIC_CODES[d.code].title;
      lines.push(
        `| ${d.severity} | ${d.code} ${cell(title)} | ${where} | ${cell(d.message)}${d.hint ? `<br>hint: ${cell(d.hint)}` : ""} |`,
      );
    }
    if (diagnostics.length > MAX_ROWS)
      lines.push("", `and ${diagnostics.length - MAX_ROWS} more (see the annotations)`);
  }
  return lines.join("\n");
}

/** The summary of a submit (or attach): the job, its status and link, what was uploaded, refusals. */
export function submitSummary(report: AzureSubmitReport, attachOnly: boolean): string {
  const refused = report.diagnostics.filter((d) => d.severity === "error");
  const lines: string[] = [];
  if (attachOnly) lines.push(`### ${refused.length > 0 ? "❌" : "✅"} amlpipe attach`);
  else if (!report.job)
    lines.push(`### ${refused.length > 0 ? "❌ amlpipe submit: refused" : "amlpipe submit: dry run"}`);
  else {
    const { name, status, created, studio } = report.job;
    const verdict = status === undefined ? "🚀" : status === "Completed" ? "✅" : "❌";
    lines.push(
      `### ${verdict} amlpipe submit: job \`${name}\`${status ? ` ${status}` : created ? " submitted" : " (submitted before)"}`,
      "",
      ...(studio ? [`[Open in Azure ML studio](${studio})`, ""] : []),
    );
  }
  for (const a of report.attach) lines.push(`- compute \`${a.compute}\`: ${a.action}`);
  if (report.upload)
    lines.push(
      `- uploaded ${report.upload.files} file(s), ${report.upload.bytes} bytes, in ${report.upload.folders} folder(s)`,
    );
  for (const d of refused) lines.push(`- ${d.code}: ${cell(d.message)}`);
  return lines.join("\n");
}
