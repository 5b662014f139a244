import { buildProgram } from "./program.js";

/** The CLI reference page (docs/cli.md): every command's own --help text, from the real program. */
export function cliReference(): string {
  const program = buildProgram(
    { stdout: () => {}, stderr: () => {}, cwd: ".", env: {}, isTTY: false },
    () => {},
  );
  const sections = [
    "# CLI reference",
    "",
    "Generated from `amlpipe --help` and each command's `--help` (`node scripts/cli-docs.mjs`; a test fails when this page drifts).",
    "",
    "```",
    program.helpInformation().trimEnd(),
    "```",
  ];
  for (const command of program.commands) {
    const after: string[] = [];
    command.configureOutput({ writeOut: (t) => after.push(t), writeErr: () => {} });
    command.outputHelp();
    sections.push("", `## amlpipe ${command.name()}`, "", "```", after.join("").trimEnd(), "```");
  }
  return `${sections.join("\n")}\n`;
}
