import { DIAGNOSTIC_CODES } from "../diagnostics/codes.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";

/** Escapes a workflow-command message: `%`, CR and LF (GitHub's rules). */
function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** Escapes a workflow-command property value: the message escapes plus `:` and `,`. */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/**
 * One GitHub Actions workflow command (`::error file=F,line=L,col=C,title=T::message`) per
 * diagnostic; the runner turns them into annotations on the pull request's lines.
 */
export function githubAnnotation(diagnostic: Diagnostic): string {
  const command =
    diagnostic.severity === "error" ? "error" : diagnostic.severity === "warning" ? "warning" : "notice";
  const properties = [
    ...(diagnostic.at
      ? [
          `file=${escapeProperty(diagnostic.at.file)}`,
          `line=${diagnostic.at.line}`,
          `col=${diagnostic.at.col}`,
        ]
      : []),
    `title=${escapeProperty(`${diagnostic.code} ${DIAGNOSTIC_CODES[diagnostic.code].title}`)}`,
  ];
  const message = diagnostic.hint ? `${diagnostic.message}\nhint: ${diagnostic.hint}` : diagnostic.message;
  return `::${command} ${properties.join(",")}::${escapeData(message)}`;
}
